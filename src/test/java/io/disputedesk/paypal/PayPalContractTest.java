package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.ActionRequest.AcceptClaim;
import io.disputedesk.paypal.ActionRequest.AcknowledgeReturnItem;
import io.disputedesk.paypal.ActionRequest.Adjudicate;
import io.disputedesk.paypal.ActionRequest.Appeal;
import io.disputedesk.paypal.ActionRequest.Escalate;
import io.disputedesk.paypal.ActionRequest.MakeOffer;
import io.disputedesk.paypal.ActionRequest.ProvideEvidence;
import io.disputedesk.paypal.ActionRequest.ProvideSupportingInfo;
import io.disputedesk.paypal.ActionRequest.RequireEvidence;
import io.disputedesk.paypal.ActionRequest.ReturnEvidence;
import io.disputedesk.paypal.ActionRequest.SendMessage;
import io.disputedesk.paypal.ActionRequest.UpdateContactDetails;
import io.disputedesk.paypal.Dispute.Document;
import io.disputedesk.paypal.Dispute.EvidenceInfo;
import io.disputedesk.paypal.Dispute.TrackingInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks what the client sends against the request schemas of the mock Disputes spec, and that
 * every PayPal fixture reads with the application's mapper.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayPalContractTest {
  private static final Address US_ADDRESS =
      new Address("2211 N First St", "Building 4", "San Jose", "CA", "95131", "US");
  private static final Address GB_ADDRESS =
      new Address("10 Downing Street", null, "London", null, "SW1A 2AA", "GB");
  private static final UploadFile POD =
      new UploadFile(
          "proof_of_delivery.pdf",
          "application/pdf",
          "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));

  private final ObjectMapper mapper = Json.newMapper();
  private final SpecSchemas schemas = new SpecSchemas(mapper);
  private final PayPalServer paypal = new PayPalServer();

  PayPalContractTest() {
    paypal.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getPath().equals("/v1/oauth2/token")) {
              return PayPalServer.json(200, Fixtures.text("oauth2-token-response.json"));
            }
            if (request.getPath().equals("/v1/notifications/verify-webhook-signature")) {
              return PayPalServer.json(200, "{\"verification_status\":\"SUCCESS\"}");
            }
            return PayPalServer.json(200, Fixtures.text("action-response-200.json"));
          }
        });
  }

  @AfterAll
  void stop() {
    paypal.close();
  }

  // ---- requests -------------------------------------------------------------------------------

  Stream<Arguments> actions() {
    List<Arguments> all = new ArrayList<>();
    all.add(
        Arguments.of("send message", new SendMessage("Your parcel left our warehouse on 2 Nov.")));
    all.add(
        Arguments.of(
            "make offer REFUND",
            new MakeOffer(
                "Partial refund for the late delivery.",
                Money.of("10.00", "USD"),
                OfferType.REFUND,
                null,
                "INV-2026-0042")));
    all.add(
        Arguments.of(
            "make offer REFUND_WITH_RETURN",
            new MakeOffer(
                "Full refund once it is back.",
                Money.of("100.00", "USD"),
                OfferType.REFUND_WITH_RETURN,
                US_ADDRESS,
                null)));
    all.add(
        Arguments.of(
            "make offer REFUND_WITH_REPLACEMENT",
            new MakeOffer(
                "Refund of postage and a new one.",
                Money.of("4.99", "GBP"),
                OfferType.REFUND_WITH_REPLACEMENT,
                null,
                "ORD:77|A-1")));
    all.add(
        Arguments.of(
            "make offer REPLACEMENT_WITHOUT_REFUND",
            new MakeOffer(
                "A replacement ships today.",
                null,
                OfferType.REPLACEMENT_WITHOUT_REFUND,
                GB_ADDRESS,
                null)));
    for (AcceptClaimReason reason : known(AcceptClaimReason.values())) {
      all.add(
          Arguments.of(
              "accept claim " + reason,
              new AcceptClaim(
                  "Refunding the customer in full.",
                  reason,
                  AcceptClaimType.REFUND,
                  null,
                  null,
                  "INV-9")));
    }
    all.add(
        Arguments.of(
            "accept claim note only",
            new AcceptClaim("Full refund.", null, null, null, null, null)));
    all.add(
        Arguments.of(
            "accept claim REFUND_WITH_RETURN",
            new AcceptClaim(
                "Refund after return.",
                AcceptClaimReason.COMPANY_POLICY,
                AcceptClaimType.REFUND_WITH_RETURN,
                null,
                US_ADDRESS,
                null)));
    all.add(
        Arguments.of(
            "accept claim PARTIAL_REFUND",
            new AcceptClaim(
                "Half back.",
                AcceptClaimReason.NOT_ABLE_TO_WIN,
                AcceptClaimType.PARTIAL_REFUND,
                Money.of("49.50", "USD"),
                null,
                null)));
    all.add(
        Arguments.of(
            "accept claim REFUND_WITH_RETURN_SHIPMENT_LABEL",
            new AcceptClaim(
                "Label attached.",
                AcceptClaimReason.TOO_TIME_CONSUMING,
                AcceptClaimType.REFUND_WITH_RETURN_SHIPMENT_LABEL,
                null,
                GB_ADDRESS,
                null)));
    all.add(Arguments.of("provide evidence", new ProvideEvidence(evidences(), null)));
    all.add(
        Arguments.of(
            "provide evidence with return address",
            new ProvideEvidence(
                List.of(EvidenceInput.of("RETURN_ADDRESS_FOR_SHIPPING", "Send it here.", null)),
                US_ADDRESS)));
    all.add(Arguments.of("appeal", new Appeal(evidences(), GB_ADDRESS)));
    all.add(Arguments.of("escalate", new Escalate("The buyer has not answered for a week.")));
    for (AcknowledgementType type : known(AcknowledgementType.values())) {
      all.add(
          Arguments.of(
              "acknowledge " + type, new AcknowledgeReturnItem("Checked the return.", type)));
    }
    for (String type :
        List.of(
            "PROOF_OF_DAMAGE",
            "THIRDPARTY_PROOF_FOR_DAMAGE_OR_SIGNIFICANT_DIFFERENCE",
            "DECLARATION",
            "PROOF_OF_MISSING_ITEMS",
            "PROOF_OF_EMPTY_PACKAGE_OR_DIFFERENT_ITEM",
            "PROOF_OF_ITEM_NOT_RECEIVED")) {
      all.add(
          Arguments.of(
              "acknowledge with " + type,
              new AcknowledgeReturnItem(
                  "See the photos.",
                  AcknowledgementType.DAMAGED,
                  List.of(
                      new ReturnEvidence(type, List.of(new Document("box_photo.png", null)))))));
    }
    all.add(
        Arguments.of(
            "provide supporting info",
            new ProvideSupportingInfo("The buyer logged in from a known device.")));
    for (Adjudicate.Outcome outcome : Adjudicate.Outcome.values()) {
      all.add(Arguments.of("adjudicate " + outcome, new Adjudicate(outcome)));
    }
    for (RequireEvidence.Side side : RequireEvidence.Side.values()) {
      all.add(Arguments.of("require evidence " + side, new RequireEvidence(side)));
    }
    all.add(
        Arguments.of(
            "contact details (PATCH)",
            new UpdateContactDetails(
                "disputes@shop.example", "Send your photos to this address.")));
    all.add(
        Arguments.of(
            "contact details without a note (PATCH)",
            new UpdateContactDetails("a@b.example", null)));
    return all.stream();
  }

  private static List<EvidenceInput> evidences() {
    TrackingInfo other =
        new TrackingInfo("OTHER", "Hermes Germany", "https://tracking.example.com/t/H123", "H123");
    return List.of(
        EvidenceInput.proofOfFulfillment("UPS", "1Z999AA10123456784", "Delivered and signed for."),
        new EvidenceInput(
            "PROOF_OF_FULFILLMENT",
            new EvidenceInfo(List.of(other), null),
            List.of(new Document("proof_of_delivery.pdf", null)),
            null,
            "ITEM1"),
        EvidenceInput.proofOfRefund(List.of("9RH59355CJ1298315"), "Refunded on 3 Nov."),
        EvidenceInput.of(
            "OTHER",
            "Chat log with the buyer.",
            List.of(new Document("chat log, 2026-11-02.pdf", null))));
  }

  @SafeVarargs
  private static <E extends Enum<E>> List<E> known(E... values) {
    return Arrays.stream(values).filter(v -> !v.name().equals("UNKNOWN")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void actionBodyMatchesTheSpecRequestSchema(String label, ActionRequest request) {
    DisputeAction action = request.action();
    String path =
        "/v1/customer/disputes/{id}" + (action.isLinkGated() ? "/" + action.pathSuffix() : "");
    String ref =
        schemas.jsonRequestRef(action.httpMethod().toLowerCase(java.util.Locale.ROOT), path);
    List<UploadFile> files = sendsFiles(request) ? List.of(POD) : List.of();

    JsonNode sent = send(request, files);

    Set<ValidationMessage> errors = schemas.validate(ref, sent);
    assertThat(errors).as("%s sent %s, checked against %s", label, sent, ref).isEmpty();
  }

  @Test
  void everyActionRequestTypeHasAContractCase() {
    Set<Class<?>> covered = actions().map(a -> a.get()[1].getClass()).collect(Collectors.toSet());

    // The request records PayPal's API takes, as ActionRequest declares them.
    Class<?>[] declared =
        java.util.Arrays.stream(ActionRequest.class.getDeclaredClasses())
            .filter(c -> c != ActionRequest.class && ActionRequest.class.isAssignableFrom(c))
            .toArray(Class<?>[]::new);
    assertThat(declared).hasSize(11);
    assertThat(covered).containsExactlyInAnyOrder(declared);
  }

  @Test
  void multipartOperationsNameTheirPartsInputAndFile() {
    for (DisputeAction action :
        List.of(
            ActionRequest.ProvideEvidence.ACTION,
            ActionRequest.Appeal.ACTION,
            ActionRequest.SendMessage.ACTION,
            ActionRequest.AcceptClaim.ACTION,
            ActionRequest.AcknowledgeReturnItem.ACTION,
            ActionRequest.ProvideSupportingInfo.ACTION)) {
      JsonNode properties =
          schemas
              .operation("post", "/v1/customer/disputes/{id}/" + action.pathSuffix())
              .path("requestBody")
              .path("content")
              .path("multipart/form-data")
              .path("schema")
              .path("properties");
      assertThat(properties.has("input")).as(action.name()).isTrue();
      assertThat(properties.has("file1")).as(action.name()).isTrue();
    }
  }

  @Test
  void validatorRejectsBodiesThatBreakTheSchema() throws Exception {
    String ref = schemas.jsonRequestRef("post", "/v1/customer/disputes/{id}/make-offer");
    JsonNode good =
        send(
            new MakeOffer("Refund.", Money.of("1.00", "USD"), OfferType.REFUND, null, null),
            List.of());
    ObjectNode noNote = good.deepCopy();
    noNote.remove("note");
    ObjectNode badType = good.deepCopy();
    badType.put("offer_type", "SOMETHING_ELSE");
    ObjectNode badAmount = good.deepCopy();
    badAmount.withObject("offer_amount").put("value", "1,00");

    assertThat(schemas.validate(ref, good)).isEmpty();
    assertThat(schemas.validate(ref, noNote)).isNotEmpty();
    assertThat(schemas.validate(ref, badType)).isNotEmpty();
    assertThat(schemas.validate(ref, badAmount)).isNotEmpty();
    String evidenceRef =
        schemas.jsonRequestRef("post", "/v1/customer/disputes/{id}/provide-evidence");
    JsonNode missingTrackingNumber =
        mapper.readTree(
            "{\"evidences\":[{\"evidence_type\":\"PROOF_OF_FULFILLMENT\",\"evidence_info\":{\"tracking_info\":[{\"carrier_name\":\"UPS\"}]}}]}");
    assertThat(schemas.validate(evidenceRef, missingTrackingNumber)).isNotEmpty();
  }

  @Test
  void webhookVerificationBodyMatchesTheSpec() throws Exception {
    Map<String, String> headers =
        Map.of(
            "PAYPAL-AUTH-ALGO", "SHA256withRSA",
            "PAYPAL-CERT-URL",
                "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270",
            "PAYPAL-TRANSMISSION-ID", "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
            "PAYPAL-TRANSMISSION-SIG", "lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz",
            "PAYPAL-TRANSMISSION-TIME", "2026-11-26T13:36:33Z");
    int before = paypal.server.getRequestCount();
    new WebhookVerifier(paypal.client)
        .verify(
            headers, Fixtures.text("webhook-customer-dispute-created.json"), "1JE4291016473214C");

    JsonNode sent = mapper.readTree(lastRequestBody(before).getBody().readUtf8());
    String ref = schemas.jsonRequestRef("post", "/v1/notifications/verify-webhook-signature");
    assertThat(schemas.validate(ref, sent)).isEmpty();
  }

  private static boolean sendsFiles(ActionRequest request) {
    return request instanceof ProvideEvidence
        || request instanceof Appeal
        || request instanceof SendMessage
        || request instanceof AcknowledgeReturnItem a && !a.evidences().isEmpty();
  }

  /**
   * Performs the action against the fake and returns the JSON it sent (the input part if
   * multipart).
   */
  private JsonNode send(ActionRequest request, List<UploadFile> files) {
    int before = paypal.server.getRequestCount();
    paypal.client.perform("PP-D-27803", request, files, "contract-" + before);
    RecordedRequest recorded = lastRequestBody(before);
    String contentType = recorded.getHeader("Content-Type");
    try {
      if (contentType.startsWith("multipart/form-data")) {
        List<Multipart.Part> parts = Multipart.parse(recorded);
        assertThat(parts.get(0).name()).isEqualTo("input");
        assertThat(parts.get(0).contentType()).isEqualTo("application/json");
        assertThat(parts).hasSize(1 + files.size());
        return mapper.readTree(parts.get(0).text());
      }
      assertThat(contentType).isEqualTo("application/json");
      return mapper.readTree(recorded.getBody().readUtf8());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The last request recorded after {@code before} requests, skipping any token fetch. */
  private RecordedRequest lastRequestBody(int before) {
    RecordedRequest last = null;
    for (int i = before; i < paypal.server.getRequestCount(); i++) {
      RecordedRequest r = paypal.take();
      if (!r.getPath().equals("/v1/oauth2/token")) {
        last = r;
      }
    }
    if (last == null) {
      throw new AssertionError("no request was sent");
    }
    return last;
  }
}
