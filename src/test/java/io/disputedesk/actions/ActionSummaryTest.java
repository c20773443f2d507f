package io.disputedesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.auth.Role;
import io.disputedesk.paypal.AcceptClaimReason;
import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Address;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.slack.actions.CardAction;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How each kind of request reads in a thread, and what is asked before it moves money. */
class ActionSummaryTest {
  /**
   * The kinds the bot performs, as its descriptors say them, and the sandbox-only ones, which no
   * card offers: a kind declared here, outside the descriptors, says only its name.
   */
  private static final ActionKinds KINDS =
      new ActionKinds(
          Stream.concat(
                  CardAction.kinds().stream(),
                  Stream.of(
                      new Sandbox(
                          ActionRequest.Adjudicate.ACTION,
                          "Adjudicate",
                          ActionTraits.of(ActionRequest.Adjudicate.class)),
                      new Sandbox(
                          ActionRequest.RequireEvidence.ACTION,
                          "Require evidence",
                          ActionTraits.of(ActionRequest.RequireEvidence.class))))
              .toList());

  /** The money {@code r} moves, as its kind says. */
  private static Optional<Money> amount(ActionRequest r, Dispute d) {
    return KINDS.of(r).amount(r, d);
  }

  /** The question asked before {@code r} moves {@code amount}, as its kind says. */
  private static String consequence(ActionRequest r, Money amount) {
    return KINDS.of(r).consequence(r, amount);
  }

  private record Sandbox(DisputeAction action, String title, ActionTraits<?> traits)
      implements ActionKind {
    @Override
    public Role role() {
      return Role.APPROVER;
    }
  }

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

    assertThat(KINDS.details(refund, TEN)).isEqualTo("refund of " + TEN.display());
    assertThat(KINDS.details(withReturn, TEN))
        .isEqualTo(
            "refund of "
                + TEN.display()
                + " after the item is returned, return to 1 High Street, London, SW1A 1AA, GB");
    assertThat(KINDS.details(withReplacement, TEN))
        .isEqualTo("refund of " + TEN.display() + " and a replacement");
    assertThat(KINDS.details(replacement, null)).isEqualTo("a replacement, no refund");

    assertThat(amount(refund, waiting)).contains(TEN);
    assertThat(amount(replacement, waiting)).isEmpty();
    assertThat(consequence(refund, TEN))
        .isEqualTo(
            "Offer the buyer a refund of "
                + TEN.display()
                + "? If the buyer accepts, PayPal pays it from your balance.");
    assertThat(consequence(replacement, null))
        .isEqualTo("Offer the buyer a replacement without a refund?");
  }

  @Test
  void trackingNamesTheCarrierAsTheCardDoesNotByPayPalsCode() {
    // The card and the evidence form say "Japan Post"; the thread and the draft must too.
    assertThat(
            KINDS.details(
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

    assertThat(KINDS.details(full, null)).isEqualTo("full refund");
    assertThat(KINDS.details(full, TEN)).isEqualTo("full refund of " + TEN.display());
    assertThat(KINDS.details(partial, TEN))
        .isEqualTo("partial refund of " + TEN.display() + " (did not ship item)");
    assertThat(KINDS.details(withReturn, TEN))
        .isEqualTo(
            "refund of "
                + TEN.display()
                + " after the item is returned, return to 1 High Street, London, SW1A 1AA, GB");

    assertThat(amount(partial, null)).contains(TEN);
    assertThat(amount(full, null)).isEmpty();
    assertThat(amount(full, waiting)).isEqualTo(waiting.maxRefund());
    assertThat(consequence(full, null))
        .isEqualTo("Refund the disputed amount to the buyer and close the case?");
    assertThat(consequence(partial, TEN))
        .isEqualTo("Refund " + TEN.display() + " to the buyer and close the case?");
  }

  @Test
  void wordsAndEvidenceAreQuotedOrNamed() {
    assertThat(KINDS.details(new ActionRequest.SendMessage("Hello  there,\n buyer"), null))
        .isEqualTo("“Hello there, buyer”");
    assertThat(KINDS.details(new ActionRequest.SendMessage("x".repeat(200)), null))
        .isEqualTo("“" + "x".repeat(139) + "…”");
    assertThat(KINDS.details(new ActionRequest.Escalate("Please decide."), null))
        .isEqualTo("“Please decide.”");
    assertThat(KINDS.details(new ActionRequest.ProvideSupportingInfo("It shipped."), null))
        .isEqualTo("“It shipped.”");
    assertThat(
            KINDS.details(
                new ActionRequest.ProvideEvidence(
                    List.of(EvidenceInput.proofOfFulfillment("UPS", "1Z99", null)), null),
                null,
                List.of("pod.pdf")))
        .isEqualTo("proof of fulfillment (tracking 1Z99 with UPS); file pod.pdf");
    assertThat(
            KINDS.details(
                new ActionRequest.Appeal(
                    List.of(EvidenceInput.proofOfRefund(List.of("R1", "R2"), null).forItem("I1")),
                    null),
                null))
        .isEqualTo("proof of refund (refunds R1, R2, item I1)");
    assertThat(KINDS.details(new ActionRequest.AcknowledgeReturnItem(null, null), null))
        .isEqualTo("returned item acknowledged");
    assertThat(
            KINDS.details(
                new ActionRequest.AcknowledgeReturnItem(null, AcknowledgementType.ITEM_RECEIVED),
                null))
        .isEqualTo("item received");
    assertThat(
            KINDS.details(
                new ActionRequest.UpdateContactDetails("disputes@shop.example", "Photos welcome."),
                null))
        .isEqualTo("disputes@shop.example, “Photos welcome.”");
    assertThat(
            KINDS.details(
                new ActionRequest.UpdateContactDetails("disputes@shop.example", null), null))
        .isEqualTo("disputes@shop.example");
  }

  @Test
  void actionsWithoutMoneyAskTheirNameAndSandboxOnesSayIt() {
    ActionRequest.Adjudicate adjudicate =
        new ActionRequest.Adjudicate(ActionRequest.Adjudicate.Outcome.BUYER_FAVOR);
    ActionRequest.RequireEvidence require =
        new ActionRequest.RequireEvidence(ActionRequest.RequireEvidence.Side.SELLER_EVIDENCE);
    assertThat(KINDS.details(adjudicate, null)).isEqualTo("adjudicate");
    assertThat(KINDS.details(require, null)).isEqualTo("require evidence");
    assertThat(consequence(adjudicate, null)).isEqualTo("Adjudicate?");
    assertThat(consequence(new ActionRequest.Escalate("n"), null)).isEqualTo("Escalate to claim?");
    assertThat(amount(new ActionRequest.SendMessage("m"), waiting)).isEmpty();
  }
}
