package io.disputedesk.dispute;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Each dispute's latest snooze. Waking is one conditional update: of several replicas waking the
 * same snooze at once, exactly one sees it change, and only that one tells Slack.
 */
public final class SnoozeStore implements SnoozeLookup {
  /** Ids per IN list: a page of Home lists fits in one query, and no list grows without bound. */
  private static final int IN_LIST_BATCH = 500;

  private static final String COLUMNS =
      "z.dispute_id, z.mode, z.until_at, z.buyer_messages, z.reason, z.snoozed_by,"
          + " z.snoozed_at, z.woke_at, z.wake_reason";

  /** A sleeping snooze whose end has come, and what ended it. */
  public record Due(Snooze snooze, Snooze.Wake why) {}

  private final Database db;

  public SnoozeStore(Database db) {
    this.db = db;
  }

  /**
   * Stores {@code s} as the dispute's snooze, replacing any earlier one. The dispute must be
   * stored.
   */
  public void put(Snooze s) {
    db.update(
        "INSERT INTO dispute_snoozes (dispute_id, mode, until_at,"
            + " buyer_messages, reason, snoozed_by, snoozed_at, woke_at, wake_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (dispute_id) DO UPDATE SET mode = excluded.mode, until_at = excluded.until_at,"
            + " buyer_messages = excluded.buyer_messages, reason = excluded.reason, snoozed_by = excluded.snoozed_by,"
            + " snoozed_at = excluded.snoozed_at, woke_at = excluded.woke_at, wake_reason = excluded.wake_reason",
        ps -> {
          ps.setString(1, s.disputeId());
          ps.setString(2, s.mode().name());
          Jdbc.setInstant(ps, 3, s.until());
          ps.setInt(4, s.buyerMessages());
          ps.setString(5, s.reason());
          ps.setString(6, s.by());
          Jdbc.setInstant(ps, 7, s.at());
          Jdbc.setInstant(ps, 8, s.wokeAt());
          ps.setString(9, s.wake() == null ? null : s.wake().name());
        });
  }

  @Override
  public Optional<Snooze> find(String disputeId) {
    List<Snooze> found = db.read(c -> select(c, " WHERE z.dispute_id = ?", List.of(disputeId)));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * The sleeping snoozes of the disputes in {@code disputeIds} (one query per {@value
   * #IN_LIST_BATCH} ids; none for no ids).
   */
  public List<Snooze> asleepOf(Collection<String> disputeIds) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(disputeIds));
    List<Snooze> found = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += IN_LIST_BATCH) {
      List<Object> batch =
          List.copyOf(distinct.subList(from, Math.min(distinct.size(), from + IN_LIST_BATCH)));
      found.addAll(
          db.read(
              c ->
                  select(
                      c,
                      " WHERE z.woke_at IS NULL AND z.dispute_id IN ("
                          + Jdbc.placeholders(batch.size())
                          + ")",
                      batch)));
    }
    return found;
  }

  /**
   * The sleeping snoozes to end at {@code now}: the dispute was resolved, it waits for the seller
   * with a deadline at or before {@code deadlineBy}, or the snooze's time came.
   */
  public List<Due> dueToWake(Instant now, Instant deadlineBy) {
    return db.read(
        c -> {
          List<Due> due = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + ", d.status, d.seller_due"
                      + " FROM dispute_snoozes z JOIN disputes d ON d.dispute_id = z.dispute_id WHERE z.woke_at IS NULL"
                      + " AND (z.until_at <= ? OR d.status = 'RESOLVED' OR (d.status = ? AND d.seller_due <= ?))"
                      + " ORDER BY z.snoozed_at, z.dispute_id")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, LineSql.WAITING_SELLER);
            Jdbc.setInstant(ps, 3, deadlineBy);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Snooze s = snooze(rs);
                Instant sellerDue = Jdbc.getInstant(rs, "seller_due");
                String status = rs.getString("status");
                Snooze.Wake why =
                    "RESOLVED".equals(status)
                        ? Snooze.Wake.RESOLVED
                        : LineSql.WAITING_SELLER.equals(status)
                                && sellerDue != null
                                && !sellerDue.isAfter(deadlineBy)
                            ? Snooze.Wake.DEADLINE
                            : Snooze.Wake.TIME;
                due.add(new Due(s, why));
              }
            }
          }
          return due;
        });
  }

  /**
   * Ends the snooze that started at {@code snoozedAt}, if it still sleeps; true for the one caller
   * that ended it (joins the caller's transaction, so its Slack writes commit with it).
   */
  public boolean wake(String disputeId, Instant snoozedAt, Snooze.Wake why, Instant now) {
    return db.updateOne(
        "UPDATE dispute_snoozes SET woke_at = ?, wake_reason = ? WHERE dispute_id = ?"
            + " AND snoozed_at = ? AND woke_at IS NULL",
        ps -> {
          Jdbc.setInstant(ps, 1, now);
          ps.setString(2, why.name());
          ps.setString(3, disputeId);
          Jdbc.setInstant(ps, 4, snoozedAt);
        });
  }

  private static List<Snooze> select(Connection c, String where, List<Object> params)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM dispute_snoozes z"
                + where
                + " ORDER BY z.snoozed_at, z.dispute_id")) {
      Where.bind(ps, 1, params);
      return Jdbc.list(ps, SnoozeStore::snooze);
    }
  }

  private static Snooze snooze(ResultSet rs) throws SQLException {
    String wake = rs.getString("wake_reason");
    return new Snooze(
        rs.getString("dispute_id"),
        Snooze.Mode.valueOf(rs.getString("mode")),
        Jdbc.getInstant(rs, "until_at"),
        rs.getInt("buyer_messages"),
        rs.getString("reason"),
        rs.getString("snoozed_by"),
        Jdbc.getInstant(rs, "snoozed_at"),
        Jdbc.getInstant(rs, "woke_at"),
        wake == null ? null : Snooze.Wake.valueOf(wake));
  }
}
