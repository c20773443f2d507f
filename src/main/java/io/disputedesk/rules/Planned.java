package io.disputedesk.rules;

import io.disputedesk.paypal.Money;
import java.util.stream.Collectors;

/**
 * What one step of a rule does to one dispute, decided before anything is done: act, ask a second
 * approver (an accept above the approval threshold), or skip, with why. {@code assignee}, {@code
 * message} and {@code refund} are set for the steps they belong to.
 */
public record Planned(
    RuleStep step, Effect effect, String why, String assignee, String message, Money refund) {
  public enum Effect {
    ACT,
    SECOND_APPROVER,
    SKIP
  }

  static Planned act(RuleStep step) {
    return new Planned(step, Effect.ACT, null, null, null, null);
  }

  static Planned skip(RuleStep step, String why) {
    return new Planned(step, Effect.SKIP, why, null, null, null);
  }

  public boolean acts() {
    return effect != Effect.SKIP;
  }

  /** An accept step's limits, one amount per currency: "500.00 USD, 450.00 EUR". */
  public static String limits(RuleStep.AcceptClaim a) {
    return a.limits().entrySet().stream()
        .map(e -> new Money(e.getKey(), e.getValue()).display())
        .collect(Collectors.joining(", "));
  }
}
