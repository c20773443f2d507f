package io.disputedesk.dispute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import io.disputedesk.store.StoreException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The latest known state of each dispute; out-of-order reads never move a dispute backwards. */
public final class DisputeStore {
  /** Stays under every SQLite build's bound-parameter limit (999 on old builds). */
  private static final int IN_LIST_BATCH = 500;

  /** Disputes kept parsed: the open ones people act on, with room to spare. */
  private static final int PARSED_CAPACITY = 1_000;

  private static final String INSERT =
      """
      INSERT INTO disputes (dispute_id, reason, status, dispute_state, stage, channel,
        amount_value, amount_minor, currency, create_time, update_time, seller_due, buyer_due,
        buyer_name, seller_txn_id, buyer_txn_id, needs_seller, outcome_code, refunded_minor,
        resolved_at, raw_json, first_seen_at, stored_at, account, last_seller_due, search_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  /**
   * Inserts a dispute seen for the first time; does nothing when another writer stored it first.
   */
  private static final String INSERT_NEW = INSERT + "ON CONFLICT (dispute_id) DO NOTHING";

  private static final String UPSERT =
      INSERT
          + """
      ON CONFLICT (dispute_id) DO UPDATE SET
        reason = excluded.reason, status = excluded.status, dispute_state = excluded.dispute_state,
        stage = excluded.stage, channel = excluded.channel, amount_value = excluded.amount_value,
        amount_minor = excluded.amount_minor, currency = excluded.currency,
        create_time = excluded.create_time, update_time = excluded.update_time,
        seller_due = excluded.seller_due, buyer_due = excluded.buyer_due,
        buyer_name = excluded.buyer_name, seller_txn_id = excluded.seller_txn_id,
        buyer_txn_id = excluded.buyer_txn_id, needs_seller = excluded.needs_seller,
        outcome_code = excluded.outcome_code, refunded_minor = excluded.refunded_minor,
        resolved_at = COALESCE(disputes.resolved_at, excluded.resolved_at),
        raw_json = excluded.raw_json, stored_at = excluded.stored_at,
        search_text = excluded.search_text,
        last_seller_due = COALESCE(excluded.seller_due, disputes.last_seller_due)
      WHERE disputes.update_time IS NULL
        OR (excluded.update_time IS NOT NULL AND excluded.update_time >= disputes.update_time)
      """;

  private final Database db;
  private final ObjectMapper mapper;
  private final ParsedDisputes parsed = new ParsedDisputes(PARSED_CAPACITY);

  public DisputeStore(Database db, ObjectMapper mapper) {
    this.db = db;
    this.mapper = mapper;
  }

  /** {@link #upsert(String, Dispute)} for the {@code default} account. */
  public UpsertResult upsert(Dispute d) {
    return upsert(DisputeLine.DEFAULT_ACCOUNT, d);
  }

  /**
   * Stores the dispute unless the stored one has a newer {@code update_time} (or the new one has
   * none); an equal {@code update_time} is stored, so a details read can replace a list summary. A
   * new dispute is stored with {@code account}; a stored one keeps the account it was first seen
   * in.
   */
  public UpsertResult upsert(String account, Dispute d) {
    Objects.requireNonNull(d.disputeId(), "disputeId");
    Objects.requireNonNull(account, "account");
    Instant now = db.clock().instant();
    DisputeRow row = DisputeRow.of(d, rawJsonOf(d), now);
    return db.inTransaction(
        c -> {
          Optional<Current> current = current(c, d.disputeId());
          if (current.isEmpty()) {
            if (write(c, INSERT_NEW, row, now, account) == 1) {
              return new UpsertResult(Optional.empty(), true);
            }
            // On PostgreSQL another replica inserted it after our read (its commit made our insert
            // a
            // no-op); read it again, now locked, so exactly one caller sees the dispute as new.
            current = current(c, d.disputeId());
          }
          Optional<Dispute> previous = current.map(cur -> parse(d.disputeId(), cur.rawJson()));
          if (current.isPresent() && isOlder(row.updateTime(), current.get().updateTime())) {
            return new UpsertResult(previous, false);
          }
          return new UpsertResult(previous, write(c, UPSERT, row, now, account) == 1);
        });
  }

  private static boolean isOlder(Instant incoming, Instant stored) {
    return stored != null && (incoming == null || incoming.isBefore(stored));
  }

  private record Current(String rawJson, Instant updateTime) {}

  private Optional<Current> current(Connection c, String id) throws SQLException {
    // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs the row lock, held
    // until commit, so that concurrent upserts of one dispute see each other's result in turn.
    String lock = db.isPostgres() ? " FOR UPDATE" : "";
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT raw_json, update_time FROM disputes WHERE dispute_id = ?" + lock)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Current(rs.getString("raw_json"), Jdbc.getInstant(rs, "update_time")))
            : Optional.empty();
      }
    }
  }

  private static int write(Connection c, String sql, DisputeRow r, Instant now, String account)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 0;
      ps.setString(++i, r.disputeId());
      Jdbc.setString(ps, ++i, r.reason());
      Jdbc.setString(ps, ++i, r.status());
      Jdbc.setString(ps, ++i, r.disputeState());
      Jdbc.setString(ps, ++i, r.stage());
      Jdbc.setString(ps, ++i, r.channel());
      Jdbc.setString(ps, ++i, r.amountValue());
      Jdbc.setLong(ps, ++i, r.amountMinor());
      Jdbc.setString(ps, ++i, r.currency());
      Jdbc.setInstant(ps, ++i, r.createTime());
      Jdbc.setInstant(ps, ++i, r.updateTime());
      Jdbc.setInstant(ps, ++i, r.sellerDue());
      Jdbc.setInstant(ps, ++i, r.buyerDue());
      Jdbc.setString(ps, ++i, r.buyerName());
      Jdbc.setString(ps, ++i, r.sellerTxnId());
      Jdbc.setString(ps, ++i, r.buyerTxnId());
      ps.setInt(++i, r.needsSeller() ? 1 : 0);
      Jdbc.setString(ps, ++i, r.outcomeCode());
      Jdbc.setLong(ps, ++i, r.refundedMinor());
      Jdbc.setInstant(ps, ++i, r.resolvedAt());
      ps.setString(++i, r.rawJson());
      Jdbc.setInstant(ps, ++i, now);
      Jdbc.setInstant(ps, ++i, now);
      ps.setString(++i, account);
      // PayPal drops the seller deadline once we answered; the report keeps the last one given.
      Jdbc.setInstant(ps, ++i, r.sellerDue());
      ps.setString(++i, r.searchText());
      return ps.executeUpdate();
    }
  }

  public Optional<StoredDispute> find(String id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT d.raw_json, d.first_seen_at, d.resolved_at, d.first_action_at, a.user_id, d.account"
                      + " FROM disputes d LEFT JOIN assignments a ON a.dispute_id = d.dispute_id"
                      + " WHERE d.dispute_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoredDispute(
                      parse(id, rs.getString("raw_json")),
                      rs.getString("user_id"),
                      Jdbc.getInstant(rs, "first_seen_at"),
                      Jdbc.getInstant(rs, "resolved_at"),
                      Jdbc.getInstant(rs, "first_action_at"),
                      rs.getString("account")));
            }
          }
        });
  }

  /** The account a stored dispute belongs to; empty when the dispute is not stored. */
  public Optional<String> accountOf(String id) {
    return db.first(
        "SELECT account FROM disputes WHERE dispute_id = ?",
        ps -> ps.setString(1, id),
        rs -> rs.getString(1));
  }

  /** The accounts the stored disputes belong to. */
  public List<String> accounts() {
    return db.list(
        "SELECT DISTINCT account FROM disputes ORDER BY account", ps -> {}, rs -> rs.getString(1));
  }

  /**
   * The stored {@code update_time} of each known id; unknown ids (and ids without one) are absent.
   */
  public Map<String, Instant> updateTimes(Collection<String> ids) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    Map<String, Instant> times = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += IN_LIST_BATCH) {
      List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + IN_LIST_BATCH));
      times.putAll(db.read(c -> updateTimes(c, batch)));
    }
    return times;
  }

  private static Map<String, Instant> updateTimes(Connection c, List<String> ids)
      throws SQLException {
    Map<String, Instant> times = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT dispute_id, update_time FROM disputes WHERE update_time IS NOT NULL AND dispute_id IN ("
                + Jdbc.placeholders(ids.size())
                + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setString(i + 1, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          times.put(rs.getString("dispute_id"), Jdbc.getInstant(rs, "update_time"));
        }
      }
    }
    return times;
  }

  public int count() {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM disputes");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  /** Records when the team first acted on the dispute; later calls change nothing. */
  public boolean markFirstAction(String id, Instant at) {
    return db.updateOne(
        "UPDATE disputes SET first_action_at = ? WHERE dispute_id = ? AND first_action_at IS NULL",
        ps -> {
          Jdbc.setInstant(ps, 1, at);
          ps.setString(2, id);
        });
  }

  private String rawJsonOf(Dispute d) {
    if (d.rawJson() != null) {
      return d.rawJson();
    }
    try {
      return mapper.writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot serialise dispute " + d.disputeId(), e);
    }
  }

  private Dispute parse(String id, String rawJson) {
    if (rawJson == null) {
      throw new StoreException("Stored dispute " + id + " has no JSON");
    }
    return parsed.get(
        id,
        rawJson,
        json -> {
          try {
            return mapper.readValue(json, Dispute.class).withRawJson(json);
          } catch (JsonProcessingException e) {
            throw new StoreException(
                "Stored dispute " + id + " cannot be read: " + e.getOriginalMessage(), e);
          }
        });
  }
}
