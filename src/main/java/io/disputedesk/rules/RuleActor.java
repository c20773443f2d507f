package io.disputedesk.rules;

import io.disputedesk.actions.ActionIntent;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.ActionSummary;
import io.disputedesk.actions.Assignments;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out a live rule's plan as its owner, through the same services as a person's click: the
 * action ledger (exactly once per intent, the approval threshold, the audit log and the thread's
 * report) and assignments. Each step's intent key names the rule, dispute, occurrence and step.
 */
final class RuleActor {
  private final ActionService actions;
  private final Assignments assignments;
  private final RuleNotices notices;
  private final DisputeStore disputes;

  RuleActor(
      ActionService actions, Assignments assignments, RuleNotices notices, DisputeStore disputes) {
    this.disputes = disputes;
    this.actions = actions;
    this.assignments = assignments;
    this.notices = notices;
  }

  List<StepResult> perform(
      RuleSettings rule, StoredDispute stored, Occurrence occurrence, List<Planned> plan) {
    List<StepResult> out = new ArrayList<>();
    for (Planned p : plan) {
      out.add(
          p.acts()
              ? perform(rule, stored, occurrence, p)
              : new StepResult(p, StepResult.Status.SKIPPED, p.why(), null));
    }
    return out;
  }

  private StepResult perform(
      RuleSettings rule, StoredDispute stored, Occurrence occurrence, Planned p) {
    String disputeId = stored.dispute().disputeId();
    String key = ActionIntent.ofRule(rule.name(), disputeId, occurrence.key(), p.step().word());
    RuleStep step = p.step();
    if (step instanceof RuleStep.Assign) {
      ActionOutcome o = assignments.assign(disputeId, p.assignee(), rule.owner(), key).outcome();
      return o.result() == ActionOutcome.Result.DONE
          ? StepResult.of(p, StepResult.Status.DONE)
          : StepResult.refused(p, o);
    }
    if (step instanceof RuleStep.Mention m) {
      notices.mention(disputeId, key, rule, m.id());
      return StepResult.of(p, StepResult.Status.DONE);
    }
    boolean accept = step instanceof RuleStep.AcceptClaim;
    // The dispute as it is now: an earlier step (a message) may have changed it since the plan.
    StoredDispute now = disputes.find(disputeId).orElse(stored);
    if (accept) {
      Optional<Money> refund =
          ActionSummary.refundAmount(ActionRequest.AcceptClaim.fullRefund("x"), now.dispute());
      RuleStep.AcceptClaim a = (RuleStep.AcceptClaim) step;
      if (refund.isEmpty()
          || !refund.get().currencyCode().equals(p.refund().currencyCode())
          || refund.get().value().compareTo(p.refund().value()) != 0) {
        return StepResult.failed(
            p,
            "the refund changed to "
                + refund.map(Money::display).orElse("an unknown amount")
                + " since the rule looked"
                + (refund.isPresent() && a.within(refund.get().value(), refund.get().currencyCode())
                    ? ""
                    : ", beyond its limit"));
      }
    }
    ActionRequest request =
        accept
            ? ActionRequest.AcceptClaim.fullRefund(
                "Accepted by the seller's rule " + rule.name() + ".")
            : new ActionRequest.SendMessage(p.message());
    ActionOutcome o =
        actions.submit(
            new ActionIntent(
                disputeId, request, List.of(), rule.owner(), key, SeenDispute.of(now.dispute())));
    return switch (o.result()) {
      case SUCCEEDED, DUPLICATE -> StepResult.of(p, StepResult.Status.DONE);
      case AWAITING_APPROVAL -> StepResult.of(p, StepResult.Status.AWAITING_APPROVAL);
      case UNKNOWN -> StepResult.of(p, StepResult.Status.UNCONFIRMED);
      default -> StepResult.refused(p, o);
    };
  }
}
