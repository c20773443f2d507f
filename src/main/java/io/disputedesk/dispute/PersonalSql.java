package io.disputedesk.dispute;

import io.disputedesk.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The reads behind {@link PersonalStats}: the person's assignments joined to their disputes. */
final class PersonalSql {
  static final String OPEN =
      "SELECT COUNT(*) FROM assignments a JOIN disputes d ON d.dispute_id = a.dispute_id"
          + " WHERE a.user_id = ? AND "
          + LineSql.IS_OPEN;
  static final String DUE =
      "SELECT COUNT(*) FROM assignments a JOIN disputes d ON d.dispute_id = a.dispute_id"
          + " WHERE a.user_id = ? AND d.status = '"
          + LineSql.WAITING_SELLER
          + "' AND d.seller_due < ?";
  static final String RESOLVED =
      "SELECT d.outcome_code, COUNT(*) AS n FROM assignments a"
          + " JOIN disputes d ON d.dispute_id = a.dispute_id"
          + " WHERE a.user_id = ? AND d.resolved_at IS NOT NULL AND d.resolved_at >= ? AND d.resolved_at < ?"
          + " GROUP BY d.outcome_code";

  private PersonalSql() {}

  static PersonalStats stats(
      Connection c, String userId, Instant dueBefore, Instant resolvedFrom, Instant now)
      throws SQLException {
    long open;
    try (PreparedStatement ps = c.prepareStatement(OPEN)) {
      ps.setString(1, userId);
      open = count(ps);
    }
    long due;
    try (PreparedStatement ps = c.prepareStatement(DUE)) {
      ps.setString(1, userId);
      Jdbc.setInstant(ps, 2, dueBefore);
      due = count(ps);
    }
    long won = 0;
    long lost = 0;
    try (PreparedStatement ps = c.prepareStatement(RESOLVED)) {
      ps.setString(1, userId);
      Jdbc.setInstant(ps, 2, resolvedFrom);
      Jdbc.setInstant(ps, 3, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Outcome outcome = Outcome.of(Resolution.read(rs.getString("outcome_code")));
          if (outcome == Outcome.WON) {
            won += rs.getLong("n");
          } else if (outcome == Outcome.LOST) {
            lost += rs.getLong("n");
          }
        }
      }
    }
    return new PersonalStats(open, due, won, lost);
  }

  private static long count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
