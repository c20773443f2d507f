package io.disputedesk.reminders;

import io.disputedesk.dispute.DisputeLine;
import java.time.Instant;

/**
 * What the reminders tell the team: a deadline coming near, in the dispute's threads, and a card
 * redrawn when its deadline passed. The Slack layer decides how they look and queues them. Each
 * write has a dedupe key naming its intent; true when a write was queued that was not before.
 */
public interface ReminderNotices {
  /**
   * Reminds the dispute's threads of its deadline as of {@code now} (its owner once, not once per
   * channel), saying how many evidence drafts wait to be sent ({@code unsentDrafts}).
   */
  boolean remind(DisputeLine dispute, String dedupeKey, Instant now, int unsentDrafts);

  /**
   * Redraws the dispute's cards from its latest stored state; {@code reason} makes the intent
   * unique.
   */
  boolean refreshCard(String disputeId, String reason);
}
