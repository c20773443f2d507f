package io.disputedesk.slack;

import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.rules.Planned;
import io.disputedesk.rules.RuleSettings;
import io.disputedesk.rules.RuleStep;
import io.disputedesk.rules.RuleTrigger;
import io.disputedesk.rules.StepResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The thread replies and direct messages of rules: what a dry run would have done, what a live run
 * did, and what failed. Every text from a dispute (the buyer's name in a message) is escaped.
 */
public final class RuleNotes {
  private static final int MESSAGE_CHARS = 1500;

  private RuleNotes() {}

  /**
   * The note a dry run posts in the thread: what the rule would have done, and that nothing was
   * done.
   */
  static SlackPost dryRun(RuleSettings rule, RuleTrigger trigger, List<Planned> plan) {
    StringBuilder out =
        new StringBuilder(
            ":test_tube: *Dry run* of rule *"
                + Mrkdwn.escape(rule.name())
                + "* (owner <@"
                + rule.owner()
                + ">), on "
                + trigger.words()
                + ". It would have:");
    for (Planned p : plan) {
      out.append("\n• ").append(p.acts() ? wouldDo(p) : "not " + what(p.step()) + ": " + p.why());
    }
    out.append(
        "\nNothing was done: the rule is in dry-run mode (mode: on in the config file lets it act).");
    return SlackPost.text(Mrkdwn.cutEscaped(out.toString(), BlockLimits.SECTION_TEXT));
  }

  /** The note a live run posts: what each step did, or why it did not. */
  static SlackPost done(RuleSettings rule, RuleTrigger trigger, List<StepResult> results) {
    boolean failed = results.stream().anyMatch(r -> !r.ok());
    StringBuilder out =
        new StringBuilder(
            (failed ? ":warning: " : ":gear: ")
                + "By rule *"
                + Mrkdwn.escape(rule.name())
                + "* (owner <@"
                + rule.owner()
                + ">), on "
                + trigger.words()
                + ":");
    for (StepResult r : results) {
      out.append("\n• ")
          .append(r.ok() ? said(r) : ":x: could not " + what(r.planned().step()) + ": " + said(r));
    }
    if (failed) {
      out.append("\nWhat failed is not retried: check the dispute and finish it by hand.");
    }
    return SlackPost.text(Mrkdwn.cutEscaped(out.toString(), BlockLimits.SECTION_TEXT));
  }

  /** A rule run that could not start (the dispute could not be read, the database failed). */
  static SlackPost broken(RuleSettings rule, String why) {
    return SlackPost.text(
        ":warning: Rule *"
            + Mrkdwn.escape(rule.name())
            + "* (owner <@"
            + rule.owner()
            + ">) failed before acting: "
            + Mrkdwn.escape(why)
            + ". It is not retried: check the dispute and act by hand.");
  }

  /** The owner's direct message about the steps of a live run that failed. */
  static SlackPost failedToOwner(RuleSettings rule, String disputeId, List<StepResult> failed) {
    return toOwner(
        rule,
        disputeId,
        failed.stream()
            .map(r -> "could not " + what(r.planned().step()) + " (" + said(r) + ")")
            .collect(Collectors.joining("; ")));
  }

  /** What a step of a live run did, or why it failed. */
  static String said(StepResult r) {
    Planned p = r.planned();
    RuleStep step = p.step();
    boolean accept = step instanceof RuleStep.AcceptClaim;
    return switch (r.status()) {
      case SKIPPED -> "did not " + what(step) + ": " + r.detail();
      case DONE ->
          step instanceof RuleStep.Assign
              ? "assigned it to <@" + p.assignee() + ">"
              : step instanceof RuleStep.Mention m
                  ? "mentioned " + who(m.id())
                  : accept
                      ? "accepted the claim: full refund of " + p.refund().display()
                      : "sent the buyer the message";
      case AWAITING_APPROVAL ->
          "asked a second approver to accept the claim (full refund of "
              + p.refund().display()
              + ", above the approval threshold): see the request above";
      case UNCONFIRMED ->
          "asked PayPal to "
              + (accept ? "accept the claim" : "send the message")
              + "; its answer is not confirmed yet, see above";
      case FAILED -> r.refusal() == null ? r.detail() : why(r.refusal());
    };
  }

  private static String why(ActionOutcome o) {
    if (o.paypalRefusal().isPresent()) {
      return Mrkdwn.escape(o.paypalRefusal().get().reason());
    }
    return o.note().orElse(o.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }

  /** The direct message to the owner when their rule failed on a dispute. */
  static SlackPost toOwner(RuleSettings rule, String disputeId, String why) {
    return SlackPost.text(
        ":warning: Your rule *"
            + Mrkdwn.escape(rule.name())
            + "* failed on dispute "
            + Mrkdwn.escape(disputeId)
            + ": "
            + why
            + ". It is not retried; the dispute's thread has the details.");
  }

  /** The mention a rule posts in the thread. */
  static SlackPost mention(RuleSettings rule, String id) {
    return SlackPost.text(
        who(id)
            + ": rule *"
            + Mrkdwn.escape(rule.name())
            + "* (owner <@"
            + rule.owner()
            + ">) asks you to look at this dispute.");
  }

  static String who(String id) {
    return id.startsWith("S") ? "<!subteam^" + id + ">" : "<@" + id + ">";
  }

  /** The step as a verb phrase: "assign", "send the buyer a message", ... */
  static String what(RuleStep step) {
    if (step instanceof RuleStep.Assign a) {
      return a.roundRobin()
          ? "assign (round-robin over " + who(a.groupId()) + ")"
          : "assign to " + who(a.userId());
    }
    if (step instanceof RuleStep.SendMessage) {
      return "send the buyer a message";
    }
    if (step instanceof RuleStep.AcceptClaim a) {
      return "accept the claim (up to " + Planned.limits(a) + ")";
    }
    return "mention " + who(((RuleStep.Mention) step).id());
  }

  /** The step as the rule description in {@code /disputes rules} says it. */
  public static String describe(RuleStep step) {
    if (step instanceof RuleStep.SendMessage m) {
      return "message “" + Mrkdwn.escapeAndCut(m.template(), 80) + "”";
    }
    if (step instanceof RuleStep.AcceptClaim a) {
      return "accept claims up to "
          + Planned.limits(a)
          + (a.allowChargebacks() ? ", chargebacks too" : "");
    }
    return what(step);
  }

  private static String wouldDo(Planned p) {
    RuleStep step = p.step();
    if (step instanceof RuleStep.Assign) {
      return "assigned it to <@" + p.assignee() + ">";
    }
    if (step instanceof RuleStep.SendMessage) {
      return "sent the buyer:\n" + Mrkdwn.quote(Mrkdwn.escapeAndCut(p.message(), MESSAGE_CHARS));
    }
    if (step instanceof RuleStep.AcceptClaim) {
      return p.effect() == Planned.Effect.SECOND_APPROVER
          ? "asked a second approver to accept the claim (full refund of "
              + p.refund().display()
              + ", above the approval threshold)"
          : "accepted the claim: full refund of " + p.refund().display();
    }
    return "mentioned " + who(((RuleStep.Mention) step).id());
  }
}
