package io.disputedesk.rules;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The ledger of rule runs: one row per rule, dispute and trigger occurrence, inserted before the
 * rule does anything. Whoever inserts it (one replica, once) runs the rule; everyone else, and
 * every later restart, finds it and does nothing. A run is never retried.
 */
public final class RuleRuns {
  enum Status {
    CLAIMED,
    DONE,
    FAILED
  }

  private final Database db;

  RuleRuns(Database db) {
    this.db = db;
  }

  /**
   * Claims the run; its id when this caller got it, empty when it was claimed before (here or
   * elsewhere).
   */
  OptionalLong claim(String rule, String disputeId, String occurrence, boolean on) {
    Instant now = db.clock().instant();
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO rule_runs (rule_name, dispute_id, occurrence,"
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
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM rule_runs WHERE rule_name = ? AND dispute_id = ?"
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
    db.updateOne(
        "UPDATE rule_runs SET status = ?, summary = ?, finished_at = ? WHERE id = ?",
        ps -> {
          ps.setString(1, status.name());
          ps.setString(2, summary);
          Jdbc.setInstant(ps, 3, db.clock().instant());
          ps.setLong(4, id);
        });
  }

  /** How many runs the rule had since {@code since}, and how many of them failed. */
  public Counts since(String rule, Instant since) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*), SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0"
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

  public record Counts(long runs, long failed) {}

  /** A run claimed and never finished. */
  record Open(long id, String rule, String disputeId, String occurrence) {}

  /**
   * Runs claimed before {@code before} and still not finished: their process stopped while they
   * ran.
   */
  List<Open> unfinished(Instant before) {
    return db.read(
        c -> {
          List<Open> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, rule_name, dispute_id, occurrence FROM rule_runs"
                      + " WHERE status = ? AND claimed_at < ? ORDER BY id")) {
            ps.setString(1, Status.CLAIMED.name());
            Jdbc.setInstant(ps, 2, before);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Open(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
              }
            }
          }
          return out;
        });
  }

  /** Marks an unfinished run failed; true for the one caller (of any replica) that did. */
  boolean abandon(long id, String summary) {
    return db.updateOne(
        "UPDATE rule_runs SET status = ?, summary = ?, finished_at = ? WHERE id = ? AND status = ?",
        ps -> {
          ps.setString(1, Status.FAILED.name());
          ps.setString(2, summary);
          Jdbc.setInstant(ps, 3, db.clock().instant());
          ps.setLong(4, id);
          ps.setString(5, Status.CLAIMED.name());
        });
  }
}
