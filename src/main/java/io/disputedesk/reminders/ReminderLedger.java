package io.disputedesk.reminders;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.time.Instant;

/** Records deadline reminders so each (dispute, threshold, due date) is sent once. */
public final class ReminderLedger {
  private final Database db;

  public ReminderLedger(Database db) {
    this.db = db;
  }

  /** True for the one caller that may send this reminder; false when it was claimed before. */
  public boolean claim(String disputeId, String threshold, Instant dueAt, Instant sentAt) {
    return db.updateOne(
        "INSERT INTO reminders_sent (dispute_id, threshold, due_at, sent_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        ps -> {
          ps.setString(1, disputeId);
          ps.setString(2, threshold);
          Jdbc.setInstant(ps, 3, dueAt);
          Jdbc.setInstant(ps, 4, sentAt);
        });
  }
}
