package io.disputedesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.config.ApprovalThreshold;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.slack.actions.CardAction;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Why an accept or offer waits for a second approver, failing closed on what the bot cannot judge.
 */
class ApprovalRuleTest {
  private static final ActionKinds KINDS = new ActionKinds(CardAction.kinds());
  private final ApprovalRule rule =
      new ApprovalRule(
          new ApprovalThreshold(
              Optional.empty(),
              Map.of("USD", new BigDecimal("500"), "JPY", new BigDecimal("70000"))));
  private final ActionRequest accept = ActionRequest.AcceptClaim.fullRefund("Refund.");

  @Test
  void aboveTheThresholdSaysWhichThreshold() {
    assertThat(why(rule, accept, Money.of("500.01", "USD")))
        .contains("That is above the approval threshold of 500.00 USD");
    assertThat(why(rule, accept, Money.of("500.00", "USD"))).isEmpty();
    assertThat(why(rule, accept, Money.of("80000", "JPY")))
        .contains("That is above the approval threshold of 70,000 JPY");
  }

  @Test
  void anAmountTheBotCannotDetermineWaits() {
    assertThat(why(rule, accept, null)).contains("I can't tell how much money this moves");
  }

  @Test
  void aCurrencyWithoutAThresholdWaits() {
    assertThat(
            why(
                rule,
                new ActionRequest.MakeOffer(
                    "n", Money.of("5.00", "GBP"), OfferType.REFUND, null, null),
                Money.of("5.00", "GBP")))
        .contains("No approval threshold is set for GBP");
  }

  @Test
  void aReplacementWithoutRefundAndNonMoneyActionsNeverWait() {
    assertThat(
            why(
                rule,
                new ActionRequest.MakeOffer(
                    "n", null, OfferType.REPLACEMENT_WITHOUT_REFUND, null, null),
                null))
        .isEmpty();
    assertThat(why(rule, new ActionRequest.SendMessage("Hello"), null)).isEmpty();
  }

  @Test
  void withoutAnyThresholdNothingWaits() {
    assertThat(why(new ApprovalRule(ApprovalThreshold.none()), accept, null)).isEmpty();
  }

  /** The rule's answer for {@code request}, of the kind its descriptor says. */
  private static Optional<String> why(ApprovalRule rule, ActionRequest request, Money amount) {
    return rule.why(KINDS.of(request), request, amount);
  }
}
