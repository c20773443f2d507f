package io.disputedesk.dispute;

import java.time.Instant;

/**
 * The condition that leaves snoozed disputes out of the due lists, the digest's due section and the
 * reminders (on {@code disputes d}). A snooze hides a dispute only while it sleeps, before its
 * time, and while the seller's deadline is more than {@link Snooze#DEADLINE_WAKES} away: the lists
 * are right at once, before the wake pass has marked it awake.
 */
final class SnoozeSql {
  /** True when the dispute is not snoozed; binds {@link #params}. */
  static final String AWAKE =
      "NOT EXISTS (SELECT 1 FROM dispute_snoozes z WHERE z.dispute_id = d.dispute_id"
          + " AND z.woke_at IS NULL AND (z.until_at IS NULL OR z.until_at > ?)"
          + " AND (d.seller_due IS NULL OR d.seller_due > ?))";

  private SnoozeSql() {}

  /** Adds "not snoozed at {@code now}" to {@code w}. */
  static Where awake(Where w, Instant now) {
    return w.and(AWAKE, params(now));
  }

  /** The parameters of {@link #AWAKE} at {@code now}. */
  static Object[] params(Instant now) {
    return new Object[] {now, now.plus(Snooze.DEADLINE_WAKES)};
  }
}
