package io.disputedesk.rules;

import io.disputedesk.config.RuleSettings;
import io.disputedesk.config.RuleStep;
import io.disputedesk.config.RuleTrigger;
import io.disputedesk.slack.BlockLimits;
import io.disputedesk.slack.Mrkdwn;
import io.disputedesk.slack.SlackPost;
import java.util.List;

/**
 * The thread replies and direct messages of rules: what a dry run would have done, what a live run
 * did, and what failed. Every text from a dispute (the buyer's name in a message) is escaped.
 */
final class RuleNotes {
  private static final int MESSAGE_CHARS = 1500;

  private RuleNotes() {}

  /** The note a dry run posts in the thread: what the rule would have done, and that nothing was done. */
  static SlackPost dryRun(RuleSettings rule, RuleTrigger trigger, List<Planned> plan) {
    StringBuilder out = new StringBuilder(":test_tube: *Dry run* of rule *" + Mrkdwn.escape(rule.name())
        + "* (owner <@" + rule.owner() + ">), on " + trigger.words() + ". It would have:");
    for (Planned p : plan) {
      out.append("\n• ").append(p.acts() ? wouldDo(p) : "not " + what(p.step()) + ": " + p.why());
    }
    out.append("\nNothing was done: the rule is in dry-run mode (mode: on in the config file lets it act).");
    return SlackPost.text(Mrkdwn.cutEscaped(out.toString(), BlockLimits.SECTION_TEXT));
  }

  /** The note a live run posts: what each step did, or why it did not. */
  static SlackPost done(RuleSettings rule, RuleTrigger trigger, List<RuleActor.Result> results) {
    boolean failed = results.stream().anyMatch(r -> !r.ok());
    StringBuilder out = new StringBuilder((failed ? ":warning: " : ":gear: ") + "By rule *"
        + Mrkdwn.escape(rule.name()) + "* (owner <@" + rule.owner() + ">), on " + trigger.words() + ":");
    for (RuleActor.Result r : results) {
      out.append("\n• ").append(r.ok() ? r.said() : ":x: could not " + what(r.planned().step()) + ": " + r.said());
    }
    if (failed) {
      out.append("\nWhat failed is not retried: check the dispute and finish it by hand.");
    }
    return SlackPost.text(Mrkdwn.cutEscaped(out.toString(), BlockLimits.SECTION_TEXT));
  }

  /** A rule run that could not start (the dispute could not be read, the database failed). */
  static SlackPost broken(RuleSettings rule, String why) {
    return SlackPost.text(":warning: Rule *" + Mrkdwn.escape(rule.name()) + "* (owner <@" + rule.owner()
        + ">) failed before acting: " + Mrkdwn.escape(why) + ". It is not retried: check the dispute and act by hand.");
  }

  /** The direct message to the owner when their rule failed on a dispute. */
  static SlackPost toOwner(RuleSettings rule, String disputeId, String why) {
    return SlackPost.text(":warning: Your rule *" + Mrkdwn.escape(rule.name()) + "* failed on dispute "
        + Mrkdwn.escape(disputeId) + ": " + why + ". It is not retried; the dispute's thread has the details.");
  }

  /** The mention a rule posts in the thread. */
  static SlackPost mention(RuleSettings rule, String id) {
    return SlackPost.text(who(id) + ": rule *" + Mrkdwn.escape(rule.name()) + "* (owner <@" + rule.owner()
        + ">) asks you to look at this dispute.");
  }

  static String who(String id) {
    return id.startsWith("S") ? "<!subteam^" + id + ">" : "<@" + id + ">";
  }

  /** The step as a verb phrase: "assign", "send the buyer a message", ... */
  static String what(RuleStep step) {
    if (step instanceof RuleStep.Assign a) {
      return a.roundRobin() ? "assign (round-robin over " + who(a.groupId()) + ")" : "assign to " + who(a.userId());
    }
    if (step instanceof RuleStep.SendMessage) {
      return "send the buyer a message";
    }
    if (step instanceof RuleStep.AcceptClaim a) {
      return "accept the claim (up to " + Planner.limits(a) + ")";
    }
    return "mention " + who(((RuleStep.Mention) step).id());
  }

  /** The step as the rule description in {@code /disputes rules} says it. */
  static String describe(RuleStep step) {
    if (step instanceof RuleStep.SendMessage m) {
      return "message “" + Mrkdwn.escapeAndCut(m.template(), 80) + "”";
    }
    if (step instanceof RuleStep.AcceptClaim a) {
      return "accept claims up to " + Planner.limits(a) + (a.allowChargebacks() ? ", chargebacks too" : "");
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
          ? "asked a second approver to accept the claim (full refund of " + p.refund().display()
              + ", above the approval threshold)"
          : "accepted the claim: full refund of " + p.refund().display();
    }
    return "mentioned " + who(((RuleStep.Mention) step).id());
  }
}
