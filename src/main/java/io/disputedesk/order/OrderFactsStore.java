package io.disputedesk.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each dispute's order facts, the full ship-to address apart from them, and the refresh
 * bookkeeping: which disputes want fresh facts, when PayPal was last asked, and which worker is
 * asking now.
 */
public final class OrderFactsStore implements OrderFactsSource {
  private static final Logger log = LoggerFactory.getLogger(OrderFactsStore.class);

  private static final String DUE =
      """
      SELECT d.dispute_id FROM disputes d
      LEFT JOIN order_facts o ON o.dispute_id = d.dispute_id
      WHERE d.resolved_at IS NULL
        AND (o.claimed_until IS NULL OR o.claimed_until < ?)
        AND ((o.dispute_id IS NULL AND d.needs_seller = 1)
          OR (o.wanted_at IS NOT NULL AND (o.fetched_at IS NULL OR o.fetched_at <= ?)))
      ORDER BY COALESCE(o.wanted_at, d.first_seen_at), d.dispute_id
      LIMIT ?
      """;

  private final Database db;
  private final ObjectMapper mapper;

  public OrderFactsStore(Database db, ObjectMapper mapper) {
    this.db = db;
    this.mapper = mapper;
  }

  /**
   * Asks for fresh facts for these (stored) disputes. An open wish keeps its place in the queue;
   * while a fetch runs, the wish moves to {@code at}, so that it outlives that fetch.
   */
  public void want(Collection<String> disputeIds, Instant at) {
    if (disputeIds.isEmpty()) {
      return;
    }
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO order_facts (dispute_id, wanted_at) VALUES (?, ?)"
                      + " ON CONFLICT (dispute_id) DO UPDATE SET wanted_at = CASE WHEN order_facts.claimed_until IS NOT NULL"
                      + " THEN excluded.wanted_at ELSE COALESCE(order_facts.wanted_at, excluded.wanted_at) END")) {
            for (String id : disputeIds) {
              ps.setString(1, id);
              Jdbc.setInstant(ps, 2, at);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /**
   * Open disputes whose facts are due, oldest wish first, at most {@code limit}: the ones that want
   * fresh facts and were last fetched no later than {@code fetchedBy}, and those waiting on us that
   * were never looked at (a first import). Rows another worker is fetching are left out.
   */
  public List<String> due(Instant now, Instant fetchedBy, int limit) {
    return db.list(
        DUE,
        ps -> {
          Jdbc.setInstant(ps, 1, now);
          Jdbc.setInstant(ps, 2, fetchedBy);
          ps.setInt(3, limit);
        },
        rs -> rs.getString(1));
  }

  /**
   * Takes the dispute for one fetch until {@code until}, unless another worker holds it or its
   * facts were fetched after {@code fetchedBy} in the meantime. Exactly one of racing workers wins.
   */
  public boolean claim(String disputeId, Instant now, Instant fetchedBy, Instant until) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO order_facts (dispute_id) VALUES (?) ON CONFLICT (dispute_id) DO NOTHING")) {
            insert.setString(1, disputeId);
            insert.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE order_facts SET claimed_until = ? WHERE dispute_id = ?"
                      + " AND (claimed_until IS NULL OR claimed_until < ?) AND (fetched_at IS NULL OR fetched_at <= ?)")) {
            Jdbc.setInstant(ps, 1, until);
            ps.setString(2, disputeId);
            Jdbc.setInstant(ps, 3, now);
            Jdbc.setInstant(ps, 4, fetchedBy);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Stores a fetch made under a claim taken at {@code claimedAt} and releases the claim. A wish
   * made after the claim stays for the next fetch; {@code tryAgain} keeps (or makes) a wish, for
   * facts PayPal may give later. Returns true when the facts differ from the stored ones.
   */
  public boolean save(
      OrderFacts facts, Optional<ShippingAddress> address, Instant claimedAt, boolean tryAgain) {
    Objects.requireNonNull(facts.fetchedAt(), "fetchedAt");
    String json = json(facts.at(null));
    String addressJson = address.map(this::json).orElse(null);
    return db.inTransaction(
        c -> {
          String before = factsJson(c, facts.disputeId()).orElse(null);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE order_facts SET transaction_id = ?, facts_json = ?,"
                      + " address_json = ?, order_gap = ?, tracking_gap = ?, fetched_at = ?, claimed_until = NULL,"
                      + " wanted_at = CASE WHEN ? = 1 THEN COALESCE(wanted_at, ?) WHEN wanted_at > ? THEN wanted_at ELSE NULL END"
                      + " WHERE dispute_id = ?")) {
            int i = 0;
            Jdbc.setString(ps, ++i, facts.transactionId());
            ps.setString(++i, json);
            Jdbc.setString(ps, ++i, addressJson);
            Jdbc.setString(ps, ++i, facts.orderGap() == null ? null : facts.orderGap().name());
            Jdbc.setString(
                ps, ++i, facts.trackingGap() == null ? null : facts.trackingGap().name());
            Jdbc.setInstant(ps, ++i, facts.fetchedAt());
            ps.setInt(++i, tryAgain ? 1 : 0);
            Jdbc.setInstant(ps, ++i, facts.fetchedAt());
            Jdbc.setInstant(ps, ++i, claimedAt);
            ps.setString(++i, facts.disputeId());
            if (ps.executeUpdate() != 1) {
              throw new IllegalStateException(
                  "no order_facts row for " + facts.disputeId() + " (not claimed)");
            }
          }
          return !json.equals(before);
        });
  }

  /**
   * Gives a claim back and counts it as a fetch that found nothing new: the wish stays for later.
   */
  public void postpone(String disputeId, Instant at) {
    db.update(
        "UPDATE order_facts SET claimed_until = NULL, fetched_at = ?,"
            + " wanted_at = COALESCE(wanted_at, ?) WHERE dispute_id = ?",
        ps -> {
          Jdbc.setInstant(ps, 1, at);
          Jdbc.setInstant(ps, 2, at);
          ps.setString(3, disputeId);
        });
  }

  /** Gives a claim back without storing anything (the fetch failed unexpectedly). */
  public void release(String disputeId) {
    db.update(
        "UPDATE order_facts SET claimed_until = NULL WHERE dispute_id = ?",
        ps -> ps.setString(1, disputeId));
  }

  /**
   * The stored facts; pending ones (no fetch yet) when the dispute only waits for its first fetch.
   */
  @Override
  public Optional<OrderFacts> find(String disputeId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT facts_json, fetched_at FROM order_facts WHERE dispute_id = ?")) {
            ps.setString(1, disputeId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? facts(disputeId, rs) : Optional.empty();
            }
          }
        });
  }

  /**
   * The facts ({@link #find}) and the full address ({@link #shippingAddress}); each null when there
   * is none.
   */
  public record WithAddress(OrderFacts facts, ShippingAddress address) {}

  /**
   * What {@link #find} and {@link #shippingAddress} return, in one read (the evidence forms show
   * both).
   */
  public WithAddress withAddress(String disputeId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT facts_json, fetched_at, address_json FROM order_facts WHERE dispute_id = ?")) {
            ps.setString(1, disputeId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new WithAddress(null, null);
              }
              String address = rs.getString("address_json");
              return new WithAddress(
                  facts(disputeId, rs).orElse(null),
                  address == null
                      ? null
                      : read(disputeId, address, ShippingAddress.class).orElse(null));
            }
          }
        });
  }

  private Optional<OrderFacts> facts(String disputeId, ResultSet rs) throws SQLException {
    String json = rs.getString("facts_json");
    Instant fetchedAt = Jdbc.getInstant(rs, "fetched_at");
    if (json == null || fetchedAt == null) {
      return Optional.of(OrderFacts.pending(disputeId));
    }
    return read(disputeId, json, OrderFacts.class).map(f -> f.at(fetchedAt));
  }

  /** The full address PayPal shipped to: for agents' own use, never for the channel. */
  public Optional<ShippingAddress> shippingAddress(String disputeId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT address_json FROM order_facts WHERE dispute_id = ?")) {
            ps.setString(1, disputeId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && rs.getString(1) != null
                  ? read(disputeId, rs.getString(1), ShippingAddress.class)
                  : Optional.empty();
            }
          }
        });
  }

  private static Optional<String> factsJson(Connection c, String disputeId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT facts_json FROM order_facts WHERE dispute_id = ?")) {
      ps.setString(1, disputeId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> Optional<T> read(String disputeId, String json, Class<T> type) {
    try {
      return Optional.of(mapper.readValue(json, type));
    } catch (JsonProcessingException e) {
      // A row written by a newer or broken version: the card then shows no order section.
      log.warn(
          "Stored {} of dispute {} cannot be read: {}",
          type.getSimpleName(),
          disputeId,
          e.getOriginalMessage());
      return Optional.empty();
    }
  }
}
