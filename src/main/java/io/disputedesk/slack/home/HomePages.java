package io.disputedesk.slack.home;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

/**
 * Each person's Home tab pages and the hash of the view last published for them, in the database,
 * so that redraws (on any replica, after a restart) keep a person's place.
 */
public final class HomePages {
  /** A person's pages, and the hash Slack gave the view last published (null before the first). */
  record Stored(HomeState state, String hash) {}

  private static final Map<String, String> COLUMNS =
      Map.of(
          HomeBuilder.QUEUE, "queue_offset",
          HomeBuilder.DUE, "due_offset",
          HomeBuilder.UNASSIGNED, "unassigned_offset",
          HomeBuilder.BUYER, "buyer_offset");

  private final Database db;

  public HomePages(Database db) {
    this.db = db;
  }

  Stored load(String userId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT queue_offset, due_offset, unassigned_offset,"
                      + " buyer_offset, view_hash FROM home_pages WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new Stored(HomeState.FIRST, null);
              }
              return new Stored(
                  new HomeState(
                      rs.getInt("queue_offset"),
                      rs.getInt("due_offset"),
                      rs.getInt("unassigned_offset"),
                      rs.getInt("buyer_offset")),
                  rs.getString("view_hash"));
            }
          }
        });
  }

  /** Moves one list; the others stay where they are, also when two clicks race. */
  void move(String userId, HomeState.Move move) {
    String column = COLUMNS.get(move.list());
    upsert(userId, column, move.offset());
  }

  void saveHash(String userId, String hash) {
    upsert(userId, "view_hash", hash);
  }

  private void upsert(String userId, String column, Object value) {
    long now = db.clock().instant().toEpochMilli();
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO home_pages (user_id, "
                      + column
                      + ", updated_at)"
                      + " VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                      + column
                      + " = excluded."
                      + column
                      + ", updated_at = excluded.updated_at")) {
            ps.setString(1, userId);
            if (value instanceof Integer offset) {
              ps.setInt(2, offset);
            } else {
              Jdbc.setString(ps, 2, (String) value);
            }
            Jdbc.setLong(ps, 3, now);
            return ps.executeUpdate();
          }
        });
  }
}
