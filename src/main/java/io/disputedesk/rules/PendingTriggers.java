package io.disputedesk.rules;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import io.disputedesk.store.Prune;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The trigger occurrences the sync recorded with the changes that brought them, until a replica has
 * run the rules on them: each is claimed by a compare-and-set on {@code claimed_at}, so one replica
 * takes it, and marked done after. A claim older than {@code staleBefore} (its process stopped) may
 * be taken again; the run ledger still holds each rule's run once.
 */
final class PendingTriggers {
  /** An occurrence recorded for a dispute and not yet done. */
  record Pending(long id, String disputeId, Occurrence occurrence) {}

  private final Database db;

  PendingTriggers(Database db) {
    this.db = db;
  }

  /** Records an occurrence, in the caller's transaction; one recorded before is left as it is. */
  void record(String disputeId, Occurrence occurrence) {
    db.update(
        "INSERT INTO rule_triggers (dispute_id, occurrence, trigger_kind,"
            + " recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT (dispute_id, occurrence) DO NOTHING",
        ps -> {
          ps.setString(1, disputeId);
          ps.setString(2, occurrence.key());
          ps.setString(3, occurrence.trigger().name());
          Jdbc.setInstant(ps, 4, db.clock().instant());
        });
  }

  /** The oldest {@code limit} occurrences not done and not claimed since {@code staleBefore}. */
  List<Pending> unclaimed(Instant staleBefore, int limit) {
    return db.read(
        c -> {
          List<Pending> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, dispute_id, occurrence, trigger_kind"
                      + " FROM rule_triggers WHERE done_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?)"
                      + " ORDER BY id LIMIT "
                      + limit)) {
            Jdbc.setInstant(ps, 1, staleBefore);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        new Occurrence(RuleTrigger.valueOf(rs.getString(4)), rs.getString(3))));
              }
            }
          }
          return out;
        });
  }

  /**
   * Claims an occurrence for this caller; false when it is done or someone claimed it since {@code
   * staleBefore}.
   */
  boolean claim(long id, Instant staleBefore) {
    return db.updateOne(
        "UPDATE rule_triggers SET claimed_at = ? WHERE id = ? AND done_at IS NULL"
            + " AND (claimed_at IS NULL OR claimed_at < ?)",
        ps -> {
          Jdbc.setInstant(ps, 1, db.clock().instant());
          ps.setLong(2, id);
          Jdbc.setInstant(ps, 3, staleBefore);
        });
  }

  /** Marks a claimed occurrence done: the rules have run on it. */
  void done(long id) {
    db.updateOne(
        "UPDATE rule_triggers SET done_at = ? WHERE id = ?",
        ps -> {
          Jdbc.setInstant(ps, 1, db.clock().instant());
          ps.setLong(2, id);
        });
  }

  /** Deletes the occurrences done before {@code before}; how many. */
  int pruneDone(Instant before) {
    return Prune.olderThan(db, "rule_triggers", "done_at < ?", before);
  }
}
