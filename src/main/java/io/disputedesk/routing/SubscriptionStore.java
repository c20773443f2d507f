package io.disputedesk.routing;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The routes added from Slack, at most one per channel and filter; every replica reads the same
 * rows.
 */
public final class SubscriptionStore {
  private static final String COLUMNS = "id, channel, filter_text, created_by, created_at";

  private final Database db;

  public SubscriptionStore(Database db) {
    this.db = db;
  }

  /**
   * Adds the channel's subscription to {@code words} (canonical filter words); empty when it
   * exists.
   */
  public Optional<Subscription> add(String channel, String words, String createdBy) {
    Instant now = db.clock().instant();
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO channel_subscriptions"
                      + " (channel, filter_text, created_by, created_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (channel, filter_text) DO NOTHING")) {
            ps.setString(1, channel);
            ps.setString(2, words);
            ps.setString(3, createdBy);
            Jdbc.setInstant(ps, 4, now);
            if (ps.executeUpdate() != 1) {
              return Optional.<Subscription>empty();
            }
          }
          return find(channel, words);
        });
  }

  /** Removes the channel's subscription to {@code words}; false when there was none. */
  public boolean remove(String channel, String words) {
    return db.updateOne(
        "DELETE FROM channel_subscriptions WHERE channel = ? AND filter_text = ?",
        ps -> {
          ps.setString(1, channel);
          ps.setString(2, words);
        });
  }

  /** Removes every subscription of the channel; returns how many. */
  public int removeAll(String channel) {
    return db.update(
        "DELETE FROM channel_subscriptions WHERE channel = ?", ps -> ps.setString(1, channel));
  }

  public Optional<Subscription> find(String channel, String words) {
    return query(
            "SELECT "
                + COLUMNS
                + " FROM channel_subscriptions WHERE channel = ? AND filter_text = ?",
            channel,
            words)
        .stream()
        .findFirst();
  }

  /** The channel's subscriptions, oldest first. */
  public List<Subscription> forChannel(String channel) {
    return query(
        "SELECT " + COLUMNS + " FROM channel_subscriptions WHERE channel = ? ORDER BY id", channel);
  }

  /** Every subscription, oldest first. */
  public List<Subscription> all() {
    return query("SELECT " + COLUMNS + " FROM channel_subscriptions ORDER BY id");
  }

  private List<Subscription> query(String sql, String... params) {
    return db.list(sql, Jdbc.strings(params), SubscriptionStore::subscription);
  }

  private static Subscription subscription(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getLong("id"),
        rs.getString("channel"),
        rs.getString("filter_text"),
        rs.getString("created_by"),
        Jdbc.getInstant(rs, "created_at"));
  }
}
