package io.disputedesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.AcceptClaimReason;
import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Address;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each kind of request reads in a thread, and what is asked before it moves money. */
class ActionSummaryTest {
  private static final Money TEN = Money.of("10.00", "USD");
  private static final Address HOME =
      new Address("1 High Street", null, "London", null, "SW1A 1AA", "GB");

  private final Dispute waiting = Samples.dispute("detail-inquiry-inr-waiting-seller.json");

  @Test
  void offersSayWhatTheBuyerGetsAndAskBeforeMoneyMoves() {
    ActionRequest.MakeOffer refund =
        new ActionRequest.MakeOffer("n", TEN, OfferType.REFUND, null, null);
    ActionRequest.MakeOffer withReturn =
        new ActionRequest.MakeOffer("n", TEN, OfferType.REFUND_WITH_RETURN, HOME, null);
    ActionRequest.MakeOffer withReplacement =
        new ActionRequest.MakeOffer("n", TEN, OfferType.REFUND_WITH_REPLACEMENT, null, null);
    ActionRequest.MakeOffer replacement =
        new ActionRequest.MakeOffer("n", null, OfferType.REPLACEMENT_WITHOUT_REFUND, null, null);

    assertThat(ActionSummary.details(refund, TEN)).isEqualTo("refund of " + TEN.display());
    assertThat(ActionSummary.details(withReturn, TEN))
        .isEqualTo(
            "refund of "
                + TEN.display()
                + " after the item is returned, return to 1 High Street, London, SW1A 1AA, GB");
    assertThat(ActionSummary.details(withReplacement, TEN))
        .isEqualTo("refund of " + TEN.display() + " and a replacement");
    assertThat(ActionSummary.details(replacement, null)).isEqualTo("a replacement, no refund");

    assertThat(ActionSummary.amount(refund, waiting)).contains(TEN);
    assertThat(ActionSummary.amount(replacement, waiting)).isEmpty();
    assertThat(ActionSummary.consequence(refund, TEN))
        .isEqualTo(
            "Offer the buyer a refund of "
                + TEN.display()
                + "? If the buyer accepts, PayPal pays it from your balance.");
    assertThat(ActionSummary.consequence(replacement, null))
        .isEqualTo("Offer the buyer a replacement without a refund?");
  }

  @Test
  void trackingNamesTheCarrierAsTheCardDoesNotByPayPalsCode() {
    // The card and the evidence form say "Japan Post"; the thread and the draft must too.
    assertThat(
            ActionSummary.details(
                new ActionRequest.ProvideEvidence(
                    List.of(
                        EvidenceInput.proofOfFulfillment("JAPAN_POST", "351557688663", null),
                        EvidenceInput.proofOfFulfillment("ROYAL_MAIL", "RM1GB", null)),
                    null),
                null))
        .isEqualTo(
            "proof of fulfillment (tracking 351557688663 with Japan Post),"
                + " proof of fulfillment (tracking RM1GB with Royal Mail)");
  }

  @Test
  void acceptingAClaimSaysTheRefundAndAsksBeforeIt() {
    ActionRequest.AcceptClaim full = ActionRequest.AcceptClaim.fullRefund("n");
    ActionRequest.AcceptClaim partial =
        new ActionRequest.AcceptClaim(
            "n",
            AcceptClaimReason.DID_NOT_SHIP_ITEM,
            AcceptClaimType.PARTIAL_REFUND,
            TEN,
            null,
            null);
    ActionRequest.AcceptClaim withReturn =
        new ActionRequest.AcceptClaim(
            "n", null, AcceptClaimType.REFUND_WITH_RETURN, null, HOME, null);

    assertThat(ActionSummary.details(full, null)).isEqualTo("full refund");
    assertThat(ActionSummary.details(full, TEN)).isEqualTo("full refund of " + TEN.display());
    assertThat(ActionSummary.details(partial, TEN))
        .isEqualTo("partial refund of " + TEN.display() + " (did not ship item)");
    assertThat(ActionSummary.details(withReturn, TEN))
        .isEqualTo(
            "refund of "
                + TEN.display()
                + " after the item is returned, return to 1 High Street, London, SW1A 1AA, GB");

    assertThat(ActionSummary.amount(partial, null)).contains(TEN);
    assertThat(ActionSummary.amount(full, null)).isEmpty();
    assertThat(ActionSummary.amount(full, waiting)).isEqualTo(waiting.maxRefund());
    assertThat(ActionSummary.consequence(full, null))
        .isEqualTo("Refund the disputed amount to the buyer and close the case?");
    assertThat(ActionSummary.consequence(partial, TEN))
        .isEqualTo("Refund " + TEN.display() + " to the buyer and close the case?");
  }

  @Test
  void wordsAndEvidenceAreQuotedOrNamed() {
    assertThat(ActionSummary.details(new ActionRequest.SendMessage("Hello  there,\n buyer"), null))
        .isEqualTo("“Hello there, buyer”");
    assertThat(ActionSummary.details(new ActionRequest.SendMessage("x".repeat(200)), null))
        .isEqualTo("“" + "x".repeat(139) + "…”");
    assertThat(ActionSummary.details(new ActionRequest.Escalate("Please decide."), null))
        .isEqualTo("“Please decide.”");
    assertThat(ActionSummary.details(new ActionRequest.ProvideSupportingInfo("It shipped."), null))
        .isEqualTo("“It shipped.”");
    assertThat(
            ActionSummary.details(
                new ActionRequest.ProvideEvidence(
                    List.of(EvidenceInput.proofOfFulfillment("UPS", "1Z99", null)), null),
                null,
                List.of("pod.pdf")))
        .isEqualTo("proof of fulfillment (tracking 1Z99 with UPS); file pod.pdf");
    assertThat(
            ActionSummary.details(
                new ActionRequest.Appeal(
                    List.of(EvidenceInput.proofOfRefund(List.of("R1", "R2"), null).forItem("I1")),
                    null),
                null))
        .isEqualTo("proof of refund (refunds R1, R2, item I1)");
    assertThat(ActionSummary.details(new ActionRequest.AcknowledgeReturnItem(null, null), null))
        .isEqualTo("returned item acknowledged");
    assertThat(
            ActionSummary.details(
                new ActionRequest.AcknowledgeReturnItem(null, AcknowledgementType.ITEM_RECEIVED),
                null))
        .isEqualTo("item received");
    assertThat(
            ActionSummary.details(
                new ActionRequest.UpdateContactDetails("disputes@shop.example", "Photos welcome."),
                null))
        .isEqualTo("disputes@shop.example, “Photos welcome.”");
    assertThat(
            ActionSummary.details(
                new ActionRequest.UpdateContactDetails("disputes@shop.example", null), null))
        .isEqualTo("disputes@shop.example");
  }

  @Test
  void actionsWithoutMoneyAskTheirNameAndSandboxOnesSayIt() {
    ActionRequest.Adjudicate adjudicate =
        new ActionRequest.Adjudicate(ActionRequest.Adjudicate.Outcome.BUYER_FAVOR);
    ActionRequest.RequireEvidence require =
        new ActionRequest.RequireEvidence(ActionRequest.RequireEvidence.Side.SELLER_EVIDENCE);
    assertThat(ActionSummary.details(adjudicate, null)).isEqualTo("adjudicate");
    assertThat(ActionSummary.details(require, null)).isEqualTo("require evidence");
    assertThat(ActionSummary.consequence(adjudicate, null)).isEqualTo("Adjudicate?");
    assertThat(ActionSummary.consequence(new ActionRequest.Escalate("n"), null))
        .isEqualTo("Escalate to claim?");
    assertThat(ActionSummary.amount(new ActionRequest.SendMessage("m"), waiting)).isEmpty();
  }
}
