package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeState;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.EvidenceSource;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.testing.PayPalActions;
import io.disputedesk.testing.ShiftableClock;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisputeDetailTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
  private final SimClient client = new SimClient(sim).authenticate();

  @AfterEach
  void close() {
    sim.close();
  }

  private Dispute fetch(String id) throws Exception {
    HttpResponse<String> r = client.get("/v1/customer/disputes/" + id);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.newMapper().readValue(r.body(), Dispute.class);
  }

  @Test
  void inquiryWaitingForSellerParsesIntoOurRecordWithAllInquiryActions() throws Exception {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .id("PP-R-AYP-10135034")
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("2", "USD")
                .buyerName("John Doe")
                .itemName("Check Ngo")
                .buyerMessage("Paid two weeks ago, nothing arrived.")
                .sellerDueDate(Instant.parse("2026-12-08T09:46:54.926Z"))
                .build());

    Dispute d = fetch(id);

    assertThat(d.disputeId()).isEqualTo("PP-R-AYP-10135034");
    assertThat(d.status()).isEqualTo(DisputeStatus.WAITING_FOR_SELLER_RESPONSE);
    assertThat(d.disputeState()).isEqualTo(DisputeState.REQUIRED_ACTION);
    assertThat(d.disputeLifeCycleStage()).isEqualTo(LifecycleStage.INQUIRY);
    assertThat(d.disputeAmount().value()).isEqualByComparingTo("2.00");
    assertThat(d.sellerResponseDueDate()).isEqualTo(Instant.parse("2026-12-08T09:46:54.926Z"));
    assertThat(PayPalActions.offeredOn(d))
        .containsExactlyInAnyOrder(
            ActionRequest.SendMessage.ACTION,
            ActionRequest.Escalate.ACTION,
            ActionRequest.AcceptClaim.ACTION,
            ActionRequest.MakeOffer.ACTION,
            ActionRequest.ProvideEvidence.ACTION);
    assertThat(d.allowedOfferTypes()).containsExactly(OfferType.REFUND);
    assertThat(d.evidenceRequestedFromSeller()).containsExactly("PROOF_OF_FULFILLMENT");
    assertThat(d.latestBuyerMessage())
        .hasValueSatisfying(m -> assertThat(m.content()).contains("nothing arrived"));
    assertThat(d.firstTransaction())
        .hasValueSatisfying(
            t -> {
              assertThat(t.buyer().name()).isEqualTo("John Doe");
              assertThat(t.seller().merchantId()).isNotBlank();
              assertThat(t.items()).extracting(Dispute.Item::itemName).containsExactly("Check Ngo");
              assertThat(t.buyerTransactionId()).matches("[A-Z0-9]{17}");
            });
    assertThat(d.maxRefund())
        .hasValueSatisfying(m -> assertThat(m.value()).isEqualByComparingTo("2.00"));
    assertThat(d.offer().buyerRequestedAmount().value()).isEqualByComparingTo("2");
    assertThat(d.links())
        .allSatisfy(
            l -> assertThat(l.href()).startsWith(sim.baseUrl() + "/v1/customer/disputes/" + id));
  }

  @Test
  void wireFormatUsesMillisecondTimesAndCurrencyDecimals() {
    String id = sim.createDispute(SimDisputeSpec.builder().amount("12800", "JPY").build());
    String usd = sim.createDispute(SimDisputeSpec.builder().amount("23", "USD").build());

    JsonNode jpy = SimClient.json(client.get("/v1/customer/disputes/" + id));
    JsonNode dollars = SimClient.json(client.get("/v1/customer/disputes/" + usd));

    assertThat(jpy.get("dispute_amount").toString())
        .isEqualTo("{\"currency_code\":\"JPY\",\"value\":\"12800\"}");
    assertThat(dollars.get("dispute_amount").get("value").asText()).isEqualTo("23.00");
    assertThat(jpy.get("create_time").asText()).isEqualTo("2026-11-27T10:00:00.000Z");
    assertThat(jpy.get("links").get(0).toString())
        .isEqualTo(
            "{\"href\":\""
                + sim.baseUrl()
                + "/v1/customer/disputes/"
                + id
                + "\",\"rel\":\"self\",\"method\":\"GET\"}");
  }

  @Test
  void claimWaitingForSellerOffersEvidenceAndAcceptOnly() throws Exception {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.UNAUTHORISED)
                .amount("192.00", "USD")
                .build());

    Dispute d = fetch(id);

    assertThat(d.disputeLifeCycleStage()).isEqualTo(LifecycleStage.CHARGEBACK);
    assertThat(PayPalActions.offeredOn(d))
        .containsExactly(ActionRequest.AcceptClaim.ACTION, ActionRequest.ProvideEvidence.ACTION);
    assertThat(d.evidenceRequestedFromSeller()).containsExactly("PROOF_OF_FULFILLMENT", "OTHER");
    assertThat(d.allowedOfferTypes()).isEmpty();
  }

  @Test
  void openInquiryOffersOnlySendMessage() throws Exception {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .status(SimStatus.OPEN)
                .buyerMessage("Where is my order?")
                .build());

    Dispute d = fetch(id);

    assertThat(d.disputeState()).isEqualTo(DisputeState.OPEN_INQUIRIES);
    assertThat(PayPalActions.offeredOn(d)).containsExactly(ActionRequest.SendMessage.ACTION);
  }

  @Test
  void resolvedAppealableDisputeShowsOutcomeAndAppealLink() throws Exception {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder().reason(SimReason.UNAUTHORISED).amount("59.00", "USD").build());
    sim.resolve(id, SimOutcome.RESOLVED_BUYER_FAVOUR, null, true);

    Dispute d = fetch(id);

    assertThat(d.isResolved()).isTrue();
    assertThat(d.disputeState()).isEqualTo(DisputeState.APPEALABLE);
    assertThat(d.disputeOutcome().amountRefunded().value()).isEqualByComparingTo("59.00");
    assertThat(PayPalActions.offeredOn(d)).containsExactly(ActionRequest.Appeal.ACTION);
    assertThat(d.adjudications()).isNotEmpty();
    assertThat(d.sellerResponseDueDate()).isNull();
    assertThat(d.refundDetails()).isNull();
  }

  @Test
  void sellerFavourResolutionHasNoRefund() throws Exception {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.resolve(id, SimOutcome.RESOLVED_SELLER_FAVOUR, (BigDecimal) null);

    Dispute d = fetch(id);

    assertThat(d.disputeState()).isEqualTo(DisputeState.RESOLVED);
    assertThat(d.disputeOutcome().amountRefunded()).isNull();
    assertThat(PayPalActions.offeredOn(d)).isEmpty();
  }

  @Test
  void returnShippedOffersAcknowledgeWithItsOptions() throws Exception {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("64.50", "EUR")
                .returnShipped("REFUND_WITH_RETURN", "64.50")
                .build());

    Dispute d = fetch(id);

    assertThat(PayPalActions.offeredOn(d))
        .containsExactlyInAnyOrder(
            ActionRequest.AcknowledgeReturnItem.ACTION, ActionRequest.SendMessage.ACTION);
    assertThat(d.allowedAcknowledgementTypes()).hasSize(5);
    assertThat(d.evidences())
        .anySatisfy(
            e -> {
              assertThat(e.evidenceType()).isEqualTo("RETURN_TRACKING_INFORMATION");
              assertThat(e.source()).isEqualTo(EvidenceSource.SUBMITTED_BY_BUYER);
            });
    assertThat(d.offer().history()).hasSize(2);
  }

  @Test
  void unknownIdIs404AndBadIdIs400() {
    HttpResponse<String> missing = client.get("/v1/customer/disputes/PP-D-99999");
    HttpResponse<String> bad = client.get("/v1/customer/disputes/PP_D%2499");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(SimClient.json(missing).get("name").asText()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(SimClient.issue(missing)).isEqualTo("INVALID_RESOURCE_ID");
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  void generatedIdsFollowPayPalFormats() {
    for (int i = 0; i < 6; i++) {
      sim.createDispute(SimDisputeSpec.builder().build());
    }

    assertThat(sim.ids())
        .allMatch(id -> id.matches("PP-D-\\d+|PP-R-[A-Z]{3}-\\d{8}|PP-000-\\d{3}-\\d{3}-\\d{3}"));
    assertThat(sim.count()).isEqualTo(6);
  }
}
