package io.disputedesk.slack;

import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The columns of a {@code slack_outbox} row and how one is read into an {@link OutboxRow}. */
final class OutboxRows {
  static final String COLUMNS =
      "id, dedupe_key, kind, channel, dispute_id, payload, status,"
          + " attempts, next_attempt_at, claimed_by, claimed_until, sent_ts, last_error, created_at, sent_at";

  private OutboxRows() {}

  static List<OutboxRow> list(PreparedStatement ps) throws SQLException {
    return Jdbc.list(ps, OutboxRows::row);
  }

  static OutboxRow row(ResultSet rs) throws SQLException {
    return new OutboxRow(
        rs.getLong("id"),
        rs.getString("dedupe_key"),
        rs.getString("kind"),
        rs.getString("channel"),
        rs.getString("dispute_id"),
        rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"),
        Jdbc.getInstant(rs, "next_attempt_at"),
        rs.getString("claimed_by"),
        Jdbc.getInstant(rs, "claimed_until"),
        rs.getString("sent_ts"),
        rs.getString("last_error"),
        Jdbc.getInstant(rs, "created_at"),
        Jdbc.getInstant(rs, "sent_at"));
  }
}
