package io.disputedesk.dispute;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import io.disputedesk.store.Prune;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The append-only record of every action attempted, kept for the retention period and then pruned.
 */
public final class AuditLog {
  private static final String COLUMNS =
      "at, user_id, dispute_id, action, request_summary, outcome, debug_id, detail";

  private final Database db;

  public AuditLog(Database db) {
    this.db = db;
  }

  public void append(AuditEntry e) {
    Objects.requireNonNull(e.at(), "at");
    Objects.requireNonNull(e.action(), "action");
    Objects.requireNonNull(e.outcome(), "outcome");
    db.update(
        "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          Jdbc.setInstant(ps, 1, e.at());
          Jdbc.setString(ps, 2, e.userId());
          Jdbc.setString(ps, 3, e.disputeId());
          ps.setString(4, e.action());
          Jdbc.setString(ps, 5, e.requestSummary());
          ps.setString(6, e.outcome());
          Jdbc.setString(ps, 7, e.debugId());
          Jdbc.setString(ps, 8, e.detail());
        });
  }

  /** Deletes the entries recorded before {@code before} (retention); returns how many. */
  public int pruneBefore(Instant before) {
    return Prune.olderThan(db, "audit_log", "at < ?", before);
  }

  /** The dispute's entries, oldest first. */
  public List<AuditEntry> forDispute(String disputeId) {
    return db.list(
        "SELECT " + COLUMNS + " FROM audit_log WHERE dispute_id = ? ORDER BY at, id",
        ps -> ps.setString(1, disputeId),
        AuditLog::entry);
  }

  /** The latest entries across all disputes, newest first. */
  public List<AuditEntry> recent(int limit) {
    return db.list(
        "SELECT " + COLUMNS + " FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
        ps -> ps.setInt(1, limit),
        AuditLog::entry);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        Jdbc.getInstant(rs, "at"),
        rs.getString("user_id"),
        rs.getString("dispute_id"),
        rs.getString("action"),
        rs.getString("request_summary"),
        rs.getString("outcome"),
        rs.getString("debug_id"),
        rs.getString("detail"));
  }
}
