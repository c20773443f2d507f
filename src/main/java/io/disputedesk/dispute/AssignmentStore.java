package io.disputedesk.dispute;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The one owner of each dispute. The dispute must already be stored. */
public final class AssignmentStore {
  private static final String INSERT =
      "INSERT INTO assignments (dispute_id, user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)";

  private final Database db;

  public AssignmentStore(Database db) {
    this.db = db;
  }

  /** Makes the user the owner, replacing any previous owner, who is returned. */
  public Optional<Assignment> assign(String disputeId, String userId, String byUserId) {
    Instant now = db.clock().instant();
    return db.inTransaction(
        c -> {
          Optional<Assignment> previous = owner(c, disputeId, lock());
          if (previous.isEmpty()) {
            if (write(
                c,
                INSERT + " ON CONFLICT (dispute_id) DO NOTHING",
                disputeId,
                userId,
                byUserId,
                now)) {
              return previous;
            }
            // On PostgreSQL another replica assigned it after our read; that owner is the previous
            // one.
            previous = owner(c, disputeId, lock());
          }
          write(
              c,
              INSERT
                  + " ON CONFLICT (dispute_id) DO UPDATE SET user_id = excluded.user_id,"
                  + " assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
              disputeId,
              userId,
              byUserId,
              now);
          return previous;
        });
  }

  /** SQLite's BEGIN IMMEDIATE serialises writers; PostgreSQL needs the row lock until commit. */
  private String lock() {
    return db.isPostgres() ? " FOR UPDATE" : "";
  }

  private static boolean write(
      Connection c, String sql, String disputeId, String userId, String byUserId, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, disputeId);
      ps.setString(2, userId);
      ps.setString(3, byUserId);
      Jdbc.setInstant(ps, 4, now);
      return ps.executeUpdate() == 1;
    }
  }

  /** Removes the owner; true when there was one. */
  public boolean unassign(String disputeId) {
    return db.updateOne(
        "DELETE FROM assignments WHERE dispute_id = ?", ps -> ps.setString(1, disputeId));
  }

  public Optional<Assignment> owner(String disputeId) {
    return db.read(c -> owner(c, disputeId, ""));
  }

  private static Optional<Assignment> owner(Connection c, String disputeId, String lock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT dispute_id, user_id, assigned_by, assigned_at FROM assignments WHERE dispute_id = ?"
                + lock)) {
      ps.setString(1, disputeId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Assignment(
                rs.getString("dispute_id"),
                rs.getString("user_id"),
                rs.getString("assigned_by"),
                Jdbc.getInstant(rs, "assigned_at")));
      }
    }
  }
}
