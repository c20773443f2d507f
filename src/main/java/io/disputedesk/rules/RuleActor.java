package io.disputedesk.rules;

import io.disputedesk.actions.ActionIntent;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.Assignments;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.config.RuleSettings;
import io.disputedesk.config.RuleStep;
import io.disputedesk.actions.ActionSummary;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.Money;
import java.util.Optional;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.slack.Mrkdwn;
import io.disputedesk.slack.Notifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a live rule's plan as its owner, through the same services as a person's click: the
 * action ledger (exactly once per intent, the approval threshold, the audit log and the thread's
 * report) and assignments. Each step's intent key names the rule, dispute, occurrence and step.
 */
final class RuleActor {
  private final ActionService actions;
  private final Assignments assignments;
  private final Notifier notifier;
  private final DisputeStore disputes;

  RuleActor(ActionService actions, Assignments assignments, Notifier notifier, DisputeStore disputes) {
    this.disputes = disputes;
    this.actions = actions;
    this.assignments = assignments;
    this.notifier = notifier;
  }

  /** What a step did ({@code said}, for the thread), or why it failed. */
  record Result(Planned planned, boolean ok, String said) {}

  List<Result> perform(RuleSettings rule, StoredDispute stored, Occurrence occurrence, List<Planned> plan) {
    List<Result> out = new ArrayList<>();
    for (Planned p : plan) {
      out.add(p.acts() ? perform(rule, stored, occurrence, p)
          : new Result(p, true, "did not " + RuleNotes.what(p.step()) + ": " + p.why()));
    }
    return out;
  }

  private Result perform(RuleSettings rule, StoredDispute stored, Occurrence occurrence, Planned p) {
    String disputeId = stored.dispute().disputeId();
    String key = ActionIntent.ofRule(rule.name(), disputeId, occurrence.key(), p.step().word());
    RuleStep step = p.step();
    if (step instanceof RuleStep.Assign) {
      ActionOutcome o = assignments.assign(disputeId, p.assignee(), rule.owner(), key).outcome();
      return o.result() == ActionOutcome.Result.DONE ? new Result(p, true, "assigned it to <@" + p.assignee() + ">")
          : new Result(p, false, why(o));
    }
    if (step instanceof RuleStep.Mention m) {
      notifier.threadReply(disputeId, key, RuleNotes.mention(rule, m.id()));
      return new Result(p, true, "mentioned " + RuleNotes.who(m.id()));
    }
    boolean accept = step instanceof RuleStep.AcceptClaim;
    // The dispute as it is now: an earlier step (a message) may have changed it since the plan.
    StoredDispute now = disputes.find(disputeId).orElse(stored);
    if (accept) {
      Optional<Money> refund = ActionSummary.amount(ActionRequest.AcceptClaim.fullRefund("x"), now.dispute());
      RuleStep.AcceptClaim a = (RuleStep.AcceptClaim) step;
      if (refund.isEmpty() || !refund.get().currencyCode().equals(p.refund().currencyCode())
          || refund.get().value().compareTo(p.refund().value()) != 0) {
        return new Result(p, false, "the refund changed to " + refund.map(Money::display).orElse("an unknown amount")
            + " since the rule looked" + (refund.isPresent() && a.within(refund.get().value(),
                refund.get().currencyCode()) ? "" : ", beyond its limit"));
      }
    }
    ActionRequest request = accept ? ActionRequest.AcceptClaim.fullRefund("Accepted by the seller's rule "
        + rule.name() + ".") : new ActionRequest.SendMessage(p.message());
    ActionOutcome o = actions.submit(new ActionIntent(disputeId, accept ? DisputeAction.ACCEPT_CLAIM
        : DisputeAction.SEND_MESSAGE, request, List.of(), rule.owner(), key, SeenDispute.of(now.dispute())));
    String done = accept ? "accepted the claim: full refund of " + p.refund().display() : "sent the buyer the message";
    return switch (o.result()) {
      case SUCCEEDED, DUPLICATE -> new Result(p, true, done);
      case AWAITING_APPROVAL -> new Result(p, true, "asked a second approver to accept the claim (full refund of "
          + p.refund().display() + ", above the approval threshold): see the request above");
      case UNKNOWN -> new Result(p, true, "asked PayPal to " + (accept ? "accept the claim" : "send the message")
          + "; its answer is not confirmed yet, see above");
      default -> new Result(p, false, why(o));
    };
  }

  private static String why(ActionOutcome o) {
    if (o.paypalRefusal().isPresent()) {
      return Mrkdwn.escape(o.paypalRefusal().get().reason());
    }
    return o.note().orElse(o.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }
}
