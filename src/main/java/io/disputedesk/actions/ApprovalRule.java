package io.disputedesk.actions;

import io.disputedesk.config.ApprovalThreshold;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a request needs a second approver, and why, in a sentence for the thread. Fails closed:
 * with a threshold configured, money in a currency it does not list, or an amount the bot cannot
 * determine, needs one too.
 */
public final class ApprovalRule {
  private final ApprovalThreshold threshold;

  public ApprovalRule(ApprovalThreshold threshold) {
    this.threshold = threshold;
  }

  /**
   * Why {@code request} (of {@code kind}), moving {@code amount} (null when unknown), waits for an
   * approver; empty when it need not.
   */
  Optional<String> why(ActionKind kind, ActionRequest request, Money amount) {
    if (!kind.movesMoney(request) || !threshold.isConfigured()) {
      return Optional.empty();
    }
    if (amount == null) {
      return Optional.of("I can't tell how much money this moves");
    }
    Optional<BigDecimal> limit = threshold.forCurrency(amount.currencyCode());
    if (limit.isEmpty()) {
      return Optional.of("No approval threshold is set for " + amount.currencyCode());
    }
    if (threshold.requiresSecondApprover(amount.value(), amount.currencyCode())) {
      return Optional.of(
          "That is above the approval threshold of "
              + new Money(amount.currencyCode(), limit.get()).display());
    }
    return Optional.empty();
  }
}
