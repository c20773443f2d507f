package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.disputedesk.dispute.EvidenceChecklist.Focus;
import io.disputedesk.dispute.EvidenceChecklist.Item;
import io.disputedesk.dispute.EvidenceChecklist.Need;
import io.disputedesk.dispute.EvidenceChecklist.Status;
import io.disputedesk.json.Json;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.TrackingStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceChecklistTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void
      notReceivedWithDeliveredTrackingTicksTheTrackingAndTheDeliveryButLeavesTheAddressToAPerson() {
    Dispute d =
        dispute(
            "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "INQUIRY", "WAITING_FOR_SELLER_RESPONSE", "");

    EvidenceChecklist c = EvidenceChecklist.of(d, facts(TrackingStatus.DELIVERED)).orElseThrow();

    assertThat(c.focus()).isEqualTo(Focus.ANSWER_THE_BUYER);
    assertThat(c.items())
        .extracting(Item::need, Item::status)
        .containsExactly(
            tuple(Need.DELIVERY_TRACKING, Status.ON_FILE),
            tuple(Need.DELIVERED, Status.ON_FILE),
            tuple(Need.SHIP_TO_MATCHES, Status.TO_DO));
  }

  @Test
  void withoutFactsOrWithTheParcelInTransitNothingIsTickedThatIsNotKnown() {
    Dispute d =
        dispute(
            "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "INQUIRY", "WAITING_FOR_SELLER_RESPONSE", "");

    assertThat(EvidenceChecklist.of(d, null).orElseThrow().items()).noneMatch(Item::done);
    assertThat(EvidenceChecklist.of(d, facts(TrackingStatus.IN_TRANSIT)).orElseThrow().items())
        .extracting(Item::need, Item::done)
        .containsExactly(
            tuple(Need.DELIVERY_TRACKING, true),
            tuple(Need.DELIVERED, false),
            tuple(Need.SHIP_TO_MATCHES, false));
  }

  @Test
  void whatPayPalAskedForComesFirstAndStandsInForTheSameEvidence() {
    Dispute d =
        dispute(
            "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
            "CHARGEBACK",
            "WAITING_FOR_SELLER_RESPONSE",
            """
        ,"evidences":[
          {"evidence_type":"OTHER","source":"REQUESTED_FROM_SELLER","date":"2026-11-20T10:00:00Z"},
          {"evidence_type":"PROOF_OF_FULFILLMENT","source":"REQUESTED_FROM_SELLER","date":"2026-11-20T10:00:00Z",
           "action_info":{"action":"PROVIDE_EVIDENCE","mandatory":true}},
          {"evidence_type":"PROOF_OF_FULFILLMENT","source":"REQUESTED_FROM_SELLER","date":"2026-11-20T10:00:00Z"}]
        """);

    EvidenceChecklist c = EvidenceChecklist.of(d, facts(TrackingStatus.DELIVERED)).orElseThrow();

    assertThat(c.focus()).isEqualTo(Focus.SEND_TO_PAYPAL);
    assertThat(c.items())
        .extracting(Item::need)
        .containsExactly(Need.REQUESTED, Need.REQUESTED, Need.DELIVERED, Need.SHIP_TO_MATCHES);
    assertThat(c.items().get(0)).isEqualTo(new Item(Need.REQUESTED, "OTHER", Status.TO_DO, false));
    assertThat(c.items().get(1))
        .isEqualTo(new Item(Need.REQUESTED, "PROOF_OF_FULFILLMENT", Status.ON_FILE, true));
  }

  @Test
  void evidenceSentAfterPayPalsRequestCountsAsSent() {
    Dispute d =
        dispute(
            "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
            "CHARGEBACK",
            "WAITING_FOR_SELLER_RESPONSE",
            """
        ,"evidences":[
          {"evidence_type":"PROOF_OF_FULFILLMENT","source":"SUBMITTED_BY_SELLER","date":"2026-11-10T10:00:00Z"},
          {"evidence_type":"PROOF_OF_FULFILLMENT","source":"REQUESTED_FROM_SELLER","date":"2026-11-20T10:00:00Z"},
          {"evidence_type":"OTHER","source":"REQUESTED_FROM_SELLER","date":"2026-11-20T10:00:00Z"},
          {"evidence_type":"OTHER","source":"SUBMITTED_BY_SELLER","date":"2026-11-21T10:00:00Z"}]
        """);

    List<Item> items = EvidenceChecklist.of(d, null).orElseThrow().items();

    assertThat(items.get(0))
        .isEqualTo(new Item(Need.REQUESTED, "PROOF_OF_FULFILLMENT", Status.TO_DO, false));
    assertThat(items.get(1)).isEqualTo(new Item(Need.REQUESTED, "OTHER", Status.SENT, false));
  }

  @Test
  void notAsDescribedWantsTheReturnAndTicksItFromTheBuyersReturnTracking() {
    Dispute returned =
        dispute(
            "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED",
            "INQUIRY",
            "WAITING_FOR_SELLER_RESPONSE",
            """
        ,"evidences":[{"evidence_type":"RETURN_TRACKING_INFORMATION","source":"SUBMITTED_BY_BUYER",
          "evidence_info":{"tracking_info":[{"carrier_name":"DHL","tracking_number":"JJD001"}]}}]
        """);
    Dispute notYet =
        dispute(
            "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED",
            "INQUIRY",
            "WAITING_FOR_SELLER_RESPONSE",
            "");

    assertThat(EvidenceChecklist.of(returned, null).orElseThrow().items())
        .extracting(Item::need, Item::status)
        .containsExactly(
            tuple(Need.RETURN_PROOF, Status.ON_FILE), tuple(Need.PHOTOS_AND_LISTING, Status.TO_DO));
    assertThat(EvidenceChecklist.of(notYet, null).orElseThrow().items()).noneMatch(Item::done);
  }

  @Test
  void unauthorisedWantsProofTheBuyerGotTheGoodsAndTheirHistory() {
    Dispute d = dispute("UNAUTHORISED", "CHARGEBACK", "WAITING_FOR_SELLER_RESPONSE", "");

    assertThat(EvidenceChecklist.of(d, facts(TrackingStatus.DELIVERED)).orElseThrow().items())
        .extracting(Item::need, Item::done)
        .containsExactly(
            tuple(Need.BUYER_RECEIVED, true),
            tuple(Need.SHIP_TO_MATCHES, false),
            tuple(Need.PRIOR_HISTORY, false));
  }

  @Test
  void creditNotProcessedIsTickedWhenPayPalShowsThePaymentRefunded() {
    Dispute refunded =
        dispute(
            "CREDIT_NOT_PROCESSED", "CHARGEBACK", "WAITING_FOR_SELLER_RESPONSE", "", "REFUNDED");
    Dispute completed =
        dispute(
            "CREDIT_NOT_PROCESSED", "CHARGEBACK", "WAITING_FOR_SELLER_RESPONSE", "", "COMPLETED");

    assertThat(EvidenceChecklist.of(refunded, null).orElseThrow().items())
        .containsExactly(new Item(Need.REFUND_PROOF, "PROOF_OF_REFUND", Status.ON_FILE, false));
    assertThat(EvidenceChecklist.of(completed, null).orElseThrow().items())
        .containsExactly(new Item(Need.REFUND_PROOF, "PROOF_OF_REFUND", Status.TO_DO, false));
  }

  @Test
  void amountDisputesWantTheTransactionRecordsWhichTransactionSearchProvides() {
    Dispute duplicate =
        dispute("DUPLICATE_TRANSACTION", "CHARGEBACK", "WAITING_FOR_SELLER_RESPONSE", "");
    Dispute incorrect =
        dispute("INCORRECT_AMOUNT", "CHARGEBACK", "WAITING_FOR_SELLER_RESPONSE", "");

    assertThat(
            EvidenceChecklist.of(duplicate, facts(TrackingStatus.DELIVERED)).orElseThrow().items())
        .containsExactly(new Item(Need.TRANSACTION_RECORDS, null, Status.ON_FILE, false));
    assertThat(EvidenceChecklist.of(incorrect, null).orElseThrow().items())
        .extracting(Item::need)
        .containsExactly(Need.TRANSACTION_RECORDS, Need.AGREED_AMOUNT);
    assertThat(
            EvidenceChecklist.of(dispute("SOMETHING_NEW", "CHARGEBACK", "OPEN", ""), null)
                .orElseThrow()
                .items())
        .extracting(Item::need)
        .containsExactly(Need.TRANSACTION_RECORDS);
  }

  @Test
  void theStageAndReviewSetTheFocusAndAResolvedDisputeHasNoChecklist() {
    assertThat(
            EvidenceChecklist.of(
                    dispute("UNAUTHORISED", "PRE_ARBITRATION", "WAITING_FOR_SELLER_RESPONSE", ""),
                    null)
                .orElseThrow()
                .focus())
        .isEqualTo(Focus.FINAL_REVIEW);
    assertThat(
            EvidenceChecklist.of(dispute("UNAUTHORISED", "CHARGEBACK", "UNDER_REVIEW", ""), null)
                .orElseThrow()
                .focus())
        .isEqualTo(Focus.PAYPAL_REVIEWING);
    assertThat(EvidenceChecklist.of(dispute("UNAUTHORISED", "CHARGEBACK", "RESOLVED", ""), null))
        .isEmpty();
  }

  private static OrderFacts facts(TrackingStatus status) {
    return new OrderFacts(
        "PP-D-1",
        "5TY05013RG002845M",
        new OrderFacts.Order(
            List.of(new OrderFacts.OrderItem("Lamp", "1", null, Money.of("20.00", "USD"))),
            new OrderFacts.ShipTo("Austin", "US"),
            Money.of("20.00", "USD"),
            null),
        null,
        List.of(new OrderFacts.Shipment("UPS", "1Z999", status, null, false)),
        null,
        NOW);
  }

  private static Dispute dispute(String reason, String stage, String status, String more) {
    return dispute(reason, stage, status, more, "COMPLETED");
  }

  private static Dispute dispute(
      String reason, String stage, String status, String more, String txnStatus) {
    String json =
        "{\"dispute_id\":\"PP-D-1\",\"reason\":\""
            + reason
            + "\",\"status\":\""
            + status
            + "\","
            + "\"dispute_life_cycle_stage\":\""
            + stage
            + "\",\"disputed_transactions\":[{\"seller_transaction_id\":"
            + "\"5TY05013RG002845M\",\"transaction_status\":\""
            + txnStatus
            + "\"}]"
            + more
            + "}";
    try {
      return Json.newMapper().readValue(json, Dispute.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
