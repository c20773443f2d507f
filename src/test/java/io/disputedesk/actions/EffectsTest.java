package io.disputedesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.actions.Finding.Kind;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Address;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.testing.Kinds;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What in a re-read dispute proves that an action whose answer was lost went through, or did not.
 */
class EffectsTest {
  private static final ObjectMapper MAPPER = Json.newMapper();

  /** The offer-pending sample's seller message and offer are dated 10:02:41. */
  private static final Instant BEFORE_OFFER = Instant.parse("2026-11-21T10:00:00Z");

  private final Dispute offerPending = Samples.dispute("detail-inquiry-snad-offer-pending.json");
  private final Dispute waiting = Samples.dispute("detail-inquiry-inr-waiting-seller.json");
  private final Dispute refunded = Samples.dispute("detail-resolved-buyer-favour.json");

  private static Finding judge(ActionRequest request, Money amount, Instant began, Dispute after) {
    return Effects.judge(Kinds.ALL.of(request), request, amount, began, after);
  }

  /** A sample with its JSON changed, read as the client reads it. */
  private static Dispute changed(String sample, Consumer<ObjectNode> change) {
    try {
      ObjectNode json = (ObjectNode) MAPPER.readTree(Samples.dispute(sample).rawJson());
      change.accept(json);
      return MAPPER.treeToValue(json, Dispute.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void sellerMessageCountsOnlyWhenPostedAfterTheActionBegan() {
    String sent =
        offerPending.messages().stream()
            .filter(m -> m.postedBy() == io.disputedesk.paypal.Party.SELLER)
            .findFirst()
            .orElseThrow()
            .content();

    assertThat(
            judge(new ActionRequest.SendMessage(sent + "  "), null, BEFORE_OFFER, offerPending)
                .kind())
        .isEqualTo(Kind.DONE);
    // The same words, posted half an hour before this action began, are an earlier message.
    assertThat(
            judge(
                new ActionRequest.SendMessage(sent),
                null,
                Instant.parse("2026-11-21T10:30:00Z"),
                offerPending))
        .isEqualTo(
            Finding.notDone(
                "the dispute shows no sign of it: no such message from you since it was sent"));
    assertThat(
            judge(new ActionRequest.SendMessage("Something else"), null, BEFORE_OFFER, offerPending)
                .kind())
        .isEqualTo(Kind.NOT_DONE);
  }

  @Test
  void offerInTheHistoryWithItsTypeAndAmountShowsItWasMade() {
    ActionRequest same =
        new ActionRequest.MakeOffer(
            "n",
            Money.of("100", "USD"),
            OfferType.REFUND_WITH_RETURN,
            new Address("1 Main St", null, null, null, null, "US"),
            null);

    assertThat(judge(same, Money.of("100", "USD"), BEFORE_OFFER, offerPending))
        .isEqualTo(Finding.done("PayPal shows the offer in the dispute's history"));
    assertThat(
            judge(same, Money.of("100", "USD"), Instant.parse("2026-11-21T11:00:00Z"), offerPending)
                .kind())
        .as("an offer from before the action began")
        .isNotEqualTo(Kind.DONE);
  }

  @Test
  void aVanishedLinkIsNoProofButALinkStillOfferedShowsItDidNotHappen() {
    ActionRequest other =
        new ActionRequest.MakeOffer("n", Money.of("55.00", "USD"), OfferType.REFUND, null, null);

    assertThat(judge(other, Money.of("55.00", "USD"), BEFORE_OFFER, offerPending).kind())
        .isEqualTo(Kind.UNPROVEN);
    assertThat(judge(other, Money.of("55.00", "USD"), BEFORE_OFFER, waiting))
        .isEqualTo(Finding.notDone("PayPal still offers it and the dispute shows no sign of it"));
  }

  @Test
  void aResolvedDisputeAloneDoesNotProveAnAccept() {
    ActionRequest accept = ActionRequest.AcceptClaim.fullRefund("Refund.");
    Instant began = Instant.parse("2026-10-21T04:00:00Z");
    Dispute cancelled =
        changed(
            "detail-resolved-buyer-favour.json",
            d -> d.putObject("dispute_outcome").put("outcome_code", "CANCELED_BY_BUYER"));

    assertThat(judge(accept, Money.of("96.00", "USD"), began, cancelled))
        .isEqualTo(Finding.notDone("the dispute closed without it (cancelled by the buyer)"));
    assertThat(judge(accept, Money.of("2.00", "USD"), began, waiting))
        .isEqualTo(Finding.notDone("PayPal still offers it and shows no refund"));
  }

  @Test
  void acceptIsDoneOnlyOnTheBuyersRefundOfItsAmount() {
    ActionRequest accept = ActionRequest.AcceptClaim.fullRefund("Refund.");
    Instant began = Instant.parse("2026-10-21T04:00:00Z");

    assertThat(judge(accept, Money.of("96.00", "USD"), began, refunded))
        .isEqualTo(
            Finding.done("PayPal shows the case resolved for the buyer with 96.00 USD refunded"));
    assertThat(judge(accept, Money.of("50.00", "USD"), began, refunded).kind())
        .isEqualTo(Kind.UNPROVEN);
    Dispute buyerTookOffer =
        changed(
            "detail-resolved-buyer-favour.json",
            d ->
                ((ObjectNode) d.path("offer"))
                    .withArray("history")
                    .addObject()
                    .put("actor", "BUYER")
                    .put("event_type", "ACCEPTED")
                    .put("offer_time", "2026-10-21T04:18:00.000Z"));
    assertThat(judge(accept, Money.of("96.00", "USD"), began, buyerTookOffer).kind())
        .as("the buyer accepting an offer refunds too")
        .isEqualTo(Kind.UNPROVEN);
  }

  @Test
  void payPalDecidingForTheBuyerIsNotTheSellersAccept() {
    Dispute decided = Samples.dispute("detail-claim-resolved-appealable.json");

    assertThat(
            judge(
                    ActionRequest.AcceptClaim.fullRefund("Refund."),
                    Money.of("59.00", "USD"),
                    Instant.parse("2026-11-24T17:00:00Z"),
                    decided)
                .kind())
        .isEqualTo(Kind.UNPROVEN);
  }

  @Test
  void evidenceCountsOnlyAsNewSellerEvidenceOfTheSentType() {
    ActionRequest evidence =
        new ActionRequest.ProvideEvidence(
            List.of(EvidenceInput.proofOfFulfillment("UPS", "1Z", null)), null);
    Instant began = Instant.parse("2026-11-18T10:00:00Z");
    Dispute withEvidence =
        changed(
            "detail-inquiry-inr-waiting-seller.json",
            d ->
                d.withArray("evidences")
                    .addObject()
                    .put("evidence_type", "PROOF_OF_FULFILLMENT")
                    .put("source", "SUBMITTED_BY_SELLER")
                    .put("date", "2026-11-18T10:00:05.000Z"));

    assertThat(judge(evidence, null, began, waiting).kind()).isEqualTo(Kind.NOT_DONE);
    assertThat(judge(evidence, null, began, offerPending).kind()).isEqualTo(Kind.UNPROVEN);
    assertThat(judge(evidence, null, began, withEvidence))
        .isEqualTo(Finding.done("the evidence is on the dispute"));
  }

  @Test
  void aClaimStageProvesAnEscalationOnlyWithTheSellersNote() {
    ActionRequest escalate = new ActionRequest.Escalate("Please decide.");
    Instant began = Instant.parse("2026-11-18T10:00:00Z");
    Dispute claim =
        changed(
            "detail-inquiry-inr-waiting-seller.json",
            d -> d.put("dispute_life_cycle_stage", "CHARGEBACK"));
    Dispute claimWithNote =
        changed(
            "detail-inquiry-inr-waiting-seller.json",
            d -> {
              d.put("dispute_life_cycle_stage", "CHARGEBACK");
              d.withArray("supporting_info")
                  .addObject()
                  .put("notes", "Please decide.")
                  .put("source", "SUBMITTED_BY_SELLER")
                  .put("provided_time", "2026-11-18T10:00:01.000Z");
            });

    assertThat(judge(escalate, null, began, waiting).kind()).isEqualTo(Kind.NOT_DONE);
    assertThat(judge(escalate, null, began, claim).kind())
        .as("the buyer may have escalated")
        .isEqualTo(Kind.UNPROVEN);
    assertThat(judge(escalate, null, began, claimWithNote).kind()).isEqualTo(Kind.DONE);
  }

  @Test
  void aReturnAcknowledgedAsReceivedIsProvedByTheRefundThatFollows() {
    ActionRequest received =
        new ActionRequest.AcknowledgeReturnItem(null, AcknowledgementType.ITEM_RECEIVED);

    assertThat(judge(received, null, Instant.parse("2026-10-21T04:00:00Z"), refunded).kind())
        .isEqualTo(Kind.DONE);
    assertThat(judge(received, null, BEFORE_OFFER, offerPending).kind()).isEqualTo(Kind.UNPROVEN);
  }
}
