package io.disputedesk.rules;

import io.disputedesk.dispute.DisputeFilter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An automation rule from the config file: who answers for it ({@code owner}, a Slack user id),
 * what starts it, which disputes it takes (the filter words of routes), whether it acts ({@code
 * on}) or only says what it would do (dry run), and its steps in order.
 *
 * @param dueWithin for {@link RuleTrigger#DUE_WITHIN}: how close the seller's deadline must be
 *     (else null)
 */
public record RuleSettings(
    String name,
    String owner,
    Set<RuleTrigger> triggers,
    Duration dueWithin,
    DisputeFilter when,
    boolean on,
    List<RuleStep> steps) {

  public RuleSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    triggers = Set.copyOf(triggers);
    Objects.requireNonNull(when, "when");
    steps = List.copyOf(steps);
    if (triggers.contains(RuleTrigger.DUE_WITHIN) != (dueWithin != null)) {
      throw new IllegalArgumentException(
          "dueWithin goes with the due-within trigger, and only with it");
    }
  }

  /** The rule's accept step, when it has one. */
  public java.util.Optional<RuleStep.AcceptClaim> acceptStep() {
    return steps.stream()
        .filter(s -> s instanceof RuleStep.AcceptClaim)
        .map(s -> (RuleStep.AcceptClaim) s)
        .findFirst();
  }
}
