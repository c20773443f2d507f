package io.disputedesk.slack;

import io.disputedesk.rules.Planned;
import io.disputedesk.rules.RuleNotices;
import io.disputedesk.rules.RuleSettings;
import io.disputedesk.rules.RuleTrigger;
import io.disputedesk.rules.StepResult;
import java.util.List;

/**
 * The rules' notes as thread replies and direct messages to owners (RuleNotes), queued by the
 * Notifier.
 */
public final class SlackRuleNotices implements RuleNotices {
  private final Notifier notifier;

  public SlackRuleNotices(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void mention(String disputeId, String dedupeKey, RuleSettings rule, String id) {
    notifier.threadReply(disputeId, dedupeKey, RuleNotes.mention(rule, id));
  }

  @Override
  public void dryRun(
      String disputeId,
      String dedupeKey,
      RuleSettings rule,
      RuleTrigger trigger,
      List<Planned> plan) {
    notifier.threadReply(disputeId, dedupeKey, RuleNotes.dryRun(rule, trigger, plan));
  }

  @Override
  public void done(
      String disputeId,
      String dedupeKey,
      RuleSettings rule,
      RuleTrigger trigger,
      List<StepResult> results) {
    notifier.threadReply(disputeId, dedupeKey, RuleNotes.done(rule, trigger, results));
    List<StepResult> failed = results.stream().filter(r -> !r.ok()).toList();
    if (!failed.isEmpty()) {
      notifier.channelMessage(
          rule.owner(),
          ownerKey(dedupeKey, disputeId),
          RuleNotes.failedToOwner(rule, disputeId, failed));
    }
  }

  @Override
  public void broken(String disputeId, String dedupeKey, RuleSettings rule, String why) {
    notifier.threadReply(disputeId, dedupeKey, RuleNotes.broken(rule, why));
    notifier.channelMessage(
        rule.owner(),
        ownerKey(dedupeKey, disputeId),
        RuleNotes.toOwner(rule, disputeId, Mrkdwn.escape(why)));
  }

  private static String ownerKey(String dedupeKey, String disputeId) {
    return dedupeKey + ":" + disputeId + ":owner";
  }
}
