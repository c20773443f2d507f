package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferEventType;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.paypal.Party;
import io.disputedesk.slack.EventReplies;
import io.disputedesk.testing.PayPalSamples;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DisputeDiffTest {
  private static final String INR = "detail-inquiry-inr-waiting-seller.json";

  private static Dispute inr(Consumer<ObjectNode> edit) {
    return PayPalSamples.dispute(INR, edit);
  }

  private static List<DisputeEvent> diff(Dispute before, Dispute after) {
    return DisputeDiff.between(Optional.of(before), after);
  }

  private static void addMessage(ObjectNode json, String by, String at, String text) {
    json.withArray("messages")
        .addObject()
        .put("posted_by", by)
        .put("time_posted", at)
        .put("content", text);
  }

  @Test
  void firstSightIsNewAndNothingElse() {
    assertThat(DisputeDiff.between(Optional.empty(), inr(j -> {})))
        .containsExactly(new DisputeEvent.New());
  }

  @Test
  void theSameReadHasNoEvents() {
    assertThat(diff(inr(j -> {}), inr(j -> {}))).isEmpty();
  }

  @Test
  void statusChangeIsReportedFromTo() {
    Dispute after =
        inr(
            j -> {
              j.put("status", "WAITING_FOR_BUYER_RESPONSE");
              j.remove("seller_response_due_date");
            });
    assertThat(diff(inr(j -> {}), after))
        .containsExactly(
            new DisputeEvent.StatusChanged(
                DisputeStatus.WAITING_FOR_SELLER_RESPONSE,
                DisputeStatus.WAITING_FOR_BUYER_RESPONSE));
  }

  @Test
  void escalationIsAStageChange() {
    Dispute after = inr(j -> j.put("dispute_life_cycle_stage", "CHARGEBACK"));
    assertThat(diff(inr(j -> {}), after))
        .containsExactly(
            new DisputeEvent.StageChanged(LifecycleStage.INQUIRY, LifecycleStage.CHARGEBACK));
  }

  @Test
  void resolutionCarriesOutcomeAndRefundInsteadOfAStatusChange() {
    Dispute after =
        inr(
            j -> {
              j.put("status", "RESOLVED");
              j.remove("seller_response_due_date");
              ObjectNode outcome =
                  j.putObject("dispute_outcome").put("outcome_code", "RESOLVED_BUYER_FAVOUR");
              outcome.putObject("amount_refunded").put("currency_code", "USD").put("value", "2.00");
            });
    assertThat(diff(inr(j -> {}), after))
        .containsExactly(
            new DisputeEvent.Resolved(OutcomeCode.RESOLVED_BUYER_FAVOUR, Money.of("2.00", "USD")));
  }

  @Test
  void eachNewBuyerMessageIsOneEventInTimeOrderAndSellerMessagesAreNot() {
    Dispute after =
        inr(
            j -> {
              addMessage(j, "BUYER", "2026-11-20T10:00:00Z", "second");
              addMessage(j, "SELLER", "2026-11-19T10:00:00Z", "our reply");
              addMessage(j, "BUYER", "2026-11-19T12:00:00Z", "first");
            });
    assertThat(diff(inr(j -> {}), after))
        .containsExactly(
            new DisputeEvent.BuyerMessage("first", Instant.parse("2026-11-19T12:00:00Z")),
            new DisputeEvent.BuyerMessage("second", Instant.parse("2026-11-20T10:00:00Z")));
  }

  @Test
  void newOfferHistoryEntriesAreOfferEvents() {
    String pending = "detail-inquiry-snad-offer-pending.json";
    Dispute before = PayPalSamples.dispute(pending);
    Dispute after =
        PayPalSamples.dispute(
            pending,
            j ->
                j.withObject("offer")
                    .withArray("history")
                    .addObject()
                    .put("offer_time", "2026-11-22T08:00:00Z")
                    .put("actor", "BUYER")
                    .put("event_type", "ACCEPTED")
                    .put("offer_type", "REFUND_WITH_RETURN")
                    .set(
                        "offer_amount",
                        j.withObject("offer").get("seller_offered_amount").deepCopy()));
    assertThat(diff(before, after))
        .containsExactly(
            new DisputeEvent.OfferEvent(
                OfferEventType.ACCEPTED,
                OfferType.REFUND_WITH_RETURN,
                Money.of("100.00", "USD"),
                Party.BUYER));
  }

  @Test
  void newlyRequestedEvidenceTypesAreOneEvent() {
    Dispute after =
        inr(
            j -> {
              j.withArray("evidences")
                  .addObject()
                  .put("evidence_type", "PROOF_OF_REFUND")
                  .put("source", "REQUESTED_FROM_SELLER")
                  .put("date", "2026-11-20T10:00:00Z");
              j.withArray("evidences")
                  .addObject()
                  .put("evidence_type", "RECEIPT_OF_MERCHANDISE")
                  .put("source", "REQUESTED_FROM_SELLER")
                  .put("date", "2026-11-20T10:00:00Z");
            });
    assertThat(diff(inr(j -> {}), after))
        .containsExactly(
            new DisputeEvent.EvidenceRequested(
                List.of("PROOF_OF_REFUND", "RECEIPT_OF_MERCHANDISE")));
  }

  @Test
  void aMovedDeadlineIsReported() {
    Dispute after = inr(j -> j.put("seller_response_due_date", "2026-12-10T09:46:54.926Z"));
    assertThat(diff(inr(j -> {}), after))
        .containsExactly(
            new DisputeEvent.DueDateChanged(
                Instant.parse("2026-12-08T09:46:54.926Z"),
                Instant.parse("2026-12-10T09:46:54.926Z")));
  }

  @Test
  void unknownEnumValuesDoNotBreakTheDiff() {
    Dispute after =
        inr(
            j -> {
              j.put("status", "PAUSED_BY_REGULATOR");
              j.put("dispute_life_cycle_stage", "SUPER_ARBITRATION");
              j.put("reason", "SOMETHING_NEW");
            });
    List<DisputeEvent> events = diff(inr(j -> {}), after);
    assertThat(events)
        .containsExactly(
            new DisputeEvent.StatusChanged(
                DisputeStatus.WAITING_FOR_SELLER_RESPONSE, DisputeStatus.UNKNOWN),
            new DisputeEvent.StageChanged(LifecycleStage.INQUIRY, LifecycleStage.UNKNOWN));
    assertThat(events)
        .allSatisfy(e -> assertThat(EventReplies.reply(e, Instant.EPOCH)).isPresent());
  }

  @Test
  void aListSummaryBeforeDoesNotReplayHistory() {
    ObjectNode item =
        (ObjectNode) PayPalSamples.json("list-page1-with-next.json").path("items").get(0);
    Dispute summary = PayPalSamples.parse(item);
    assertThat(DisputeDiff.isSummary(summary)).isTrue();
    Dispute after =
        inr(
            j -> {
              j.put("update_time", "2026-11-20T10:00:00Z");
              addMessage(j, "BUYER", "2026-11-20T09:59:00Z", "posted after the summary");
            });

    assertThat(diff(summary, after))
        .containsExactly(
            new DisputeEvent.BuyerMessage(
                "posted after the summary", Instant.parse("2026-11-20T09:59:00Z")));
  }
}
