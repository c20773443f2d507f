package io.disputedesk.rules;

import java.util.List;

/**
 * What the rules tell the team, in a dispute's thread and in a direct message to a rule's owner.
 * The Slack layer decides how they look and queues them. Each write has a dedupe key naming its
 * intent; the owner's message has {@code dedupeKey + ":" + disputeId + ":owner"}.
 */
public interface RuleNotices {
  /** The rule asks {@code id} (a person or a user group) to look at the dispute. */
  void mention(String disputeId, String dedupeKey, RuleSettings rule, String id);

  /** What a dry run would have done on {@code trigger}, and that nothing was done. */
  void dryRun(
      String disputeId,
      String dedupeKey,
      RuleSettings rule,
      RuleTrigger trigger,
      List<Planned> plan);

  /** What a live run did on {@code trigger}; when a step failed, the owner is told too. */
  void done(
      String disputeId,
      String dedupeKey,
      RuleSettings rule,
      RuleTrigger trigger,
      List<StepResult> results);

  /** A run that failed before acting ({@code why}, plain words), in the thread and to the owner. */
  void broken(String disputeId, String dedupeKey, RuleSettings rule, String why);
}
