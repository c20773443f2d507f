package io.disputedesk.rules;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The ledger of rule runs: one row per rule, dispute and trigger occurrence, inserted before the
 * rule does anything. Whoever inserts it (one replica, once) runs the rule; everyone else, and
 * every later restart, finds it and does nothing. A run is never retried.
 */
final class RuleRuns {
  enum Status { CLAIMED, DONE, FAILED }

  private final Database db;

  RuleRuns(Database db) {
    this.db = db;
  }

  /** Claims the run; its id when this caller got it, empty when it was claimed before (here or elsewhere). */
  OptionalLong claim(String rule, String disputeId, String occurrence, boolean on) {
    Instant now = db.clock().instant();
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_runs (rule_name, dispute_id, occurrence,"
          + " mode, status, claimed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (rule_name, dispute_id, occurrence)"
          + " DO NOTHING")) {
        ps.setString(1, rule);
        ps.setString(2, disputeId);
        ps.setString(3, occurrence);
        ps.setString(4, on ? "on" : "dry-run");
        ps.setString(5, Status.CLAIMED.name());
        Jdbc.setInstant(ps, 6, now);
        if (ps.executeUpdate() != 1) {
          return OptionalLong.empty();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM rule_runs WHERE rule_name = ? AND dispute_id = ?"
          + " AND occurrence = ?")) {
        ps.setString(1, rule);
        ps.setString(2, disputeId);
        ps.setString(3, occurrence);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return OptionalLong.of(rs.getLong(1));
        }
      }
    });
  }

  /** Records how the run ended, with a one-line summary. */
  void finish(long id, Status status, String summary) {
    db.updateOne("UPDATE rule_runs SET status = ?, summary = ?, finished_at = ? WHERE id = ?", ps -> {
      ps.setString(1, status.name());
      ps.setString(2, summary);
      Jdbc.setInstant(ps, 3, db.clock().instant());
      ps.setLong(4, id);
    });
  }

  /** How many runs the rule had since {@code since}, and how many of them failed. */
  Counts since(String rule, Instant since) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0"
          + " END) FROM rule_runs WHERE rule_name = ? AND claimed_at >= ?")) {
        ps.setString(1, rule);
        Jdbc.setInstant(ps, 2, since);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new Counts(rs.getLong(1), rs.getLong(2));
        }
      }
    });
  }

  record Counts(long runs, long failed) {}
}
