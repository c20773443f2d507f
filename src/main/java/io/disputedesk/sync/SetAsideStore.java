package io.disputedesk.sync;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The disputes set aside by polls, each retried after a backoff that doubles with every failed try
 * (one minute, two, four, … at most an hour) until a read goes through.
 */
public final class SetAsideStore {
  static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  static final Duration MAX_BACKOFF = Duration.ofHours(1);
  private static final String COLUMNS =
      "dispute_id, attempts, next_try_at, last_error_class, first_failed_at";

  private final Database db;

  /** Null: every account's entries (the health report); else only this account's. */
  private final String account;

  public SetAsideStore(Database db) {
    this(db, null);
  }

  /** The entries of one PayPal account, whose poll retries them with its own client. */
  public SetAsideStore(Database db, String account) {
    this.db = db;
    this.account = account;
  }

  private String scope() {
    return account == null ? "" : " AND account = ?";
  }

  private int bindScope(PreparedStatement ps, int index) throws SQLException {
    if (account != null) {
      ps.setString(index, account);
      return index + 1;
    }
    return index;
  }

  /** The wait after failed try {@code attempt} (1-based). */
  static Duration backoff(int attempt) {
    long minutes = FIRST_BACKOFF.toMinutes() << Math.min(Math.max(attempt - 1, 0), 10);
    return Duration.ofMinutes(Math.min(minutes, MAX_BACKOFF.toMinutes()));
  }

  /**
   * Records one more failed try of the dispute at {@code now}; returns the entry as it now stands.
   */
  SetAside failed(String disputeId, String errorClass, Instant now) {
    return db.inTransaction(
        c -> {
          int attempts;
          Instant first;
          String lock = db.isPostgres() ? " FOR UPDATE" : "";
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT attempts, first_failed_at FROM sync_set_aside WHERE dispute_id = ?"
                      + lock)) {
            ps.setString(1, disputeId);
            try (ResultSet rs = ps.executeQuery()) {
              attempts = rs.next() ? rs.getInt("attempts") + 1 : 1;
              first = attempts == 1 ? now : Jdbc.getInstant(rs, "first_failed_at");
            }
          }
          Instant next = now.plus(backoff(attempts));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sync_set_aside (dispute_id, attempts, next_try_at, last_error_class, first_failed_at,"
                      + " updated_at, account) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dispute_id) DO UPDATE SET"
                      + " attempts = excluded.attempts, next_try_at = excluded.next_try_at,"
                      + " last_error_class = excluded.last_error_class, updated_at = excluded.updated_at")) {
            ps.setString(1, disputeId);
            ps.setInt(2, attempts);
            Jdbc.setInstant(ps, 3, next);
            ps.setString(4, errorClass);
            Jdbc.setInstant(ps, 5, first);
            Jdbc.setInstant(ps, 6, now);
            ps.setString(7, account == null ? "default" : account);
            ps.executeUpdate();
          }
          return new SetAside(disputeId, attempts, next, errorClass, first);
        });
  }

  /** Takes the dispute off the list (its read went through); true when it was on it. */
  boolean clear(String disputeId) {
    return db.updateOne(
        "DELETE FROM sync_set_aside WHERE dispute_id = ?", ps -> ps.setString(1, disputeId));
  }

  /** Up to {@code limit} entries whose next try is due at {@code now}, longest waiting first. */
  List<SetAside> due(Instant now, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM sync_set_aside WHERE next_try_at <= ?"
            + scope()
            + " ORDER BY next_try_at, dispute_id LIMIT ?",
        ps -> {
          Jdbc.setInstant(ps, 1, now);
          ps.setInt(bindScope(ps, 2), limit);
        });
  }

  /** The entry of one dispute, if it is set aside. */
  Optional<SetAside> find(String disputeId) {
    return query(
            "SELECT " + COLUMNS + " FROM sync_set_aside WHERE dispute_id = ?",
            ps -> ps.setString(1, disputeId))
        .stream()
        .findFirst();
  }

  /** Up to {@code limit} entries, in dispute id order. */
  public List<SetAside> list(int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM sync_set_aside WHERE 1 = 1"
            + scope()
            + " ORDER BY dispute_id LIMIT ?",
        ps -> ps.setInt(bindScope(ps, 1), limit));
  }

  public int count() {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sync_set_aside");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  private List<SetAside> query(String sql, Jdbc.Binder binder) {
    return db.list(sql, binder, SetAsideStore::setAside);
  }

  private static SetAside setAside(ResultSet rs) throws SQLException {
    return new SetAside(
        rs.getString("dispute_id"),
        rs.getInt("attempts"),
        Jdbc.getInstant(rs, "next_try_at"),
        rs.getString("last_error_class"),
        Jdbc.getInstant(rs, "first_failed_at"));
  }
}
