package io.disputedesk.slack;

import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.reminders.ReminderNotices;
import java.time.Instant;

/**
 * The reminders as thread replies (ReminderBuilder), queued by the Notifier: the owner is mentioned
 * in the first channel only.
 */
public final class SlackReminderNotices implements ReminderNotices {
  private final Notifier notifier;
  private final ReminderBuilder builder = new ReminderBuilder();

  public SlackReminderNotices(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public boolean remind(DisputeLine d, String dedupeKey, Instant now, int unsentDrafts) {
    return notifier.threadReply(
        d.disputeId(),
        dedupeKey,
        builder.build(d, now, unsentDrafts),
        builder.forOtherChannels(d, now, unsentDrafts));
  }

  @Override
  public boolean refreshCard(String disputeId, String reason) {
    return notifier.refreshCard(disputeId, reason);
  }
}
