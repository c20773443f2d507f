package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PayPal fixture reads with the application's mapper, and reading is lenient as PayPal needs.
 */
class PayPalContractSamplesTest {
  private final ObjectMapper mapper = Json.newMapper();

  static Stream<String> samples() throws IOException, URISyntaxException {
    Path dir = Path.of(PayPalContractSamplesTest.class.getResource("/paypal/").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith("customer_disputes"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void allTwentyOneSamplesAreHere() throws Exception {
    assertThat(samples()).hasSize(21);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sampleParsesIntoTheWireModel(String name) throws Exception {
    String json = Fixtures.text(name);
    if (name.startsWith("detail-")) {
      Dispute dispute = mapper.readValue(json, Dispute.class);
      assertThat(dispute.disputeId()).isNotBlank();
      assertThat(dispute.status()).isNotNull().isNotEqualTo(DisputeStatus.UNKNOWN);
      assertThat(dispute.reason()).isNotNull().isNotEqualTo(DisputeReason.UNKNOWN);
      assertThat(dispute.disputeLifeCycleStage()).isNotEqualTo(LifecycleStage.UNKNOWN);
      assertThat(dispute.disputeAmount()).isNotNull();
      assertThat(dispute.links()).isNotEmpty();
      assertThat(dispute.evidences())
          .allSatisfy(e -> assertThat(e.source()).isNotEqualTo(EvidenceSource.UNKNOWN));
    } else if (name.startsWith("list-")) {
      PayPalClient.SearchResult page = mapper.readValue(json, PayPalClient.SearchResult.class);
      List<Dispute> items = page.items() == null ? List.of() : page.items();
      assertThat(items)
          .allSatisfy(
              d -> {
                assertThat(d.disputeId()).isNotBlank();
                assertThat(d.updateTime()).isNotNull();
                assertThat(d.disputeState()).isNotEqualTo(DisputeState.UNKNOWN);
              });
      assertThat(page.links()).isNotEmpty();
    } else if (name.startsWith("webhook-")) {
      WebhookEvent event = WebhookEvent.parse(mapper, json);
      assertThat(event.isDisputeEvent()).isTrue();
      assertThat(event.resource().disputeId()).isNotBlank();
    } else if (name.startsWith("error-")) {
      PayPalError error = mapper.readValue(json, PayPalError.class);
      assertThat(error.effectiveName()).isNotBlank();
      assertThat(error.effectiveMessage()).isNotBlank();
    } else if (name.startsWith("action-response-")) {
      JsonNode links = mapper.readTree(json).path("links");
      assertThat(List.of(mapper.treeToValue(links, Link[].class)))
          .allSatisfy(l -> assertThat(l.href()).isNotBlank());
    } else if (name.startsWith("oauth2-")) {
      JsonNode token = mapper.readTree(json);
      assertThat(token.path("access_token").asText()).isNotBlank();
      assertThat(token.path("expires_in").asLong()).isPositive();
    } else {
      throw new AssertionError("no parsing rule for sample " + name);
    }
  }

  @Test
  void detailSamplesKeepTheirNestedData() throws Exception {
    Dispute inr =
        mapper.readValue(Fixtures.text("detail-inquiry-inr-waiting-seller.json"), Dispute.class);
    assertThat(inr.evidenceRequestedFromSeller()).containsExactly("PROOF_OF_FULFILLMENT");
    assertThat(inr.latestBuyerMessage())
        .hasValueSatisfying(m -> assertThat(m.content()).contains("nothing arrived"));
    assertThat(inr.firstTransaction()).hasValueSatisfying(t -> assertThat(t.items()).hasSize(1));

    Dispute offer =
        mapper.readValue(Fixtures.text("detail-inquiry-snad-offer-pending.json"), Dispute.class);
    assertThat(offer.offer().history())
        .extracting(Dispute.OfferHistory::eventType)
        .containsExactly(OfferEventType.PROPOSED);
    assertThat(offer.offer().sellerOfferedAmount().display()).isEqualTo("100.00 USD");

    Dispute ack =
        mapper.readValue(
            Fixtures.text("detail-inquiry-snad-acknowledge-return.json"), Dispute.class);
    assertThat(ack.allowedAcknowledgementTypes())
        .isNotEmpty()
        .doesNotContain(AcknowledgementType.UNKNOWN);

    Dispute appealable =
        mapper.readValue(Fixtures.text("detail-claim-resolved-appealable.json"), Dispute.class);
    assertThat(appealable.allows(ActionRequest.Appeal.ACTION)).isTrue();
    assertThat(appealable.disputeOutcome().outcomeCode())
        .isEqualTo(OutcomeCode.RESOLVED_BUYER_FAVOUR);
  }

  @Test
  void errorSamplesGiveNameIssueAndDebugId() throws Exception {
    PayPalError notAllowed =
        mapper.readValue(Fixtures.text("error-422-action-not-allowed.json"), PayPalError.class);
    assertThat(notAllowed.issues()).containsExactly(PayPalException.ACTION_NOT_ALLOWED);
    assertThat(notAllowed.debugId()).isEqualTo("f966554107b99");

    PayPalError oauth =
        mapper.readValue(Fixtures.text("error-401-invalid-token.json"), PayPalError.class);
    assertThat(oauth.effectiveName()).isEqualTo("invalid_token");
    assertThat(oauth.effectiveMessage()).isEqualTo("Access Token not found in cache");
    assertThat(oauth.issues()).isEmpty();
  }

  @Test
  void unknownEnumValuesReadAsUnknownAndUnknownFieldsAreIgnored() throws Exception {
    String json =
        """
        {"dispute_id":"PP-D-1","status":"SOMETHING_NEW","reason":"BRAND_NEW_REASON",
         "dispute_state":"NEW_STATE","dispute_life_cycle_stage":"SUPER_ARBITRATION",
         "dispute_channel":"CARRIER_PIGEON","totally_new_field":{"nested":[1,2,3]},
         "messages":[{"posted_by":"ROBOT","content":"hi","mood":"happy"}],
         "offer":{"offer_type":"GIFT_CARD","history":[{"actor":"ALIEN","event_type":"WITHDRAWN"}]},
         "evidences":[{"evidence_type":"NEW_KIND","source":"SUBMITTED_BY_AI"}],
         "dispute_outcome":{"outcome_code":"RESOLVED_BY_COIN_TOSS"},
         "allowed_response_options":{"make_offer":{"offer_types":["REFUND","NEW_OFFER"]}}}
        """;

    Dispute d = mapper.readValue(json, Dispute.class);

    assertThat(d.status()).isEqualTo(DisputeStatus.UNKNOWN);
    assertThat(d.reason()).isEqualTo(DisputeReason.UNKNOWN);
    assertThat(d.disputeState()).isEqualTo(DisputeState.UNKNOWN);
    assertThat(d.disputeLifeCycleStage()).isEqualTo(LifecycleStage.UNKNOWN);
    assertThat(d.disputeChannel()).isEqualTo(DisputeChannel.UNKNOWN);
    assertThat(d.messages().get(0).postedBy()).isEqualTo(Party.UNKNOWN);
    assertThat(d.offer().offerType()).isEqualTo(OfferType.UNKNOWN);
    assertThat(d.offer().history().get(0).actor()).isEqualTo(Party.UNKNOWN);
    assertThat(d.offer().history().get(0).eventType()).isEqualTo(OfferEventType.UNKNOWN);
    assertThat(d.evidences().get(0).source()).isEqualTo(EvidenceSource.UNKNOWN);
    assertThat(d.evidences().get(0).evidenceType()).isEqualTo("NEW_KIND");
    assertThat(d.disputeOutcome().outcomeCode()).isEqualTo(OutcomeCode.UNKNOWN);
    assertThat(d.allowedOfferTypes()).containsExactly(OfferType.REFUND, OfferType.UNKNOWN);
  }

  @Test
  void addressReadsAndWritesPayPalFieldNames() throws Exception {
    String json =
        "{\"address_line_1\":\"1 Main St\",\"address_line_2\":\"Apt 2\",\"admin_area_2\":\"Austin\","
            + "\"admin_area_1\":\"TX\",\"postal_code\":\"78701\",\"country_code\":\"US\"}";

    Address address = mapper.readValue(json, Address.class);

    assertThat(address).isEqualTo(new Address("1 Main St", "Apt 2", "Austin", "TX", "78701", "US"));
    assertThat(mapper.readTree(mapper.writeValueAsString(address)))
        .isEqualTo(mapper.readTree(json));
  }
}
