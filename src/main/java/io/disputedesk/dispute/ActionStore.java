package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.DisputeActions;
import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import io.disputedesk.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The exactly-once guard for PayPal actions: a row is recorded before the call is made. A row
 * IN_FLIGHT carries a lease: the process calling PayPal renews it, and only once it has run out may
 * another process take the row over.
 */
public final class ActionStore {
  private static final String COLUMNS = ActionRows.COLUMNS;
  private static final String OPEN = "('AWAITING_APPROVAL', 'IN_FLIGHT', 'UNKNOWN')";

  private final Database db;
  private final ActionRows rows;

  /** The ledger in {@code db}, reading its stored kinds as the {@code known} actions. */
  public ActionStore(Database db, DisputeActions known) {
    this.db = db;
    this.rows = new ActionRows(known);
  }

  /**
   * Records the action with a fresh request id, or returns what blocks it: a row with the same
   * intent key, or the dispute's open action of the same kind. Race-safe across threads and
   * replicas. An IN_FLIGHT action is leased to the caller until {@code leaseUntil}; one awaiting
   * approval has no lease (pass null).
   */
  public BeginResult begin(NewAction a, Instant leaseUntil) {
    if ((a.status() == ActionStatus.IN_FLIGHT) != (leaseUntil != null)) {
      throw new IllegalArgumentException("an IN_FLIGHT action needs a lease, and only it");
    }
    Instant now = db.clock().instant();
    String requestId = UUID.randomUUID().toString();
    return db.inTransaction(
        c -> {
          Optional<Action> created = insert(c, a, requestId, now, leaseUntil);
          if (created.isPresent()) {
            return new BeginResult.Started(created.get());
          }
          Optional<Action> existing =
              one(c, "SELECT " + COLUMNS + " FROM actions WHERE intent_key = ?", a.intentKey());
          if (existing.isEmpty()) {
            existing = openFor(c, a.disputeId(), a.kind());
          }
          return new BeginResult.AlreadyOpen(
              existing.orElseThrow(
                  () ->
                      new StoreException(
                          "Action "
                              + a.kind()
                              + " on "
                              + a.disputeId()
                              + " collided with a row that is gone")));
        });
  }

  /** Inserts unless a unique constraint (intent key or one open per kind) says no. */
  private Optional<Action> insert(
      Connection c, NewAction a, String requestId, Instant now, Instant leaseUntil)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO actions (dispute_id, kind, intent_key, request_id, requested_by, status,"
                + " amount_value, currency, request_json, created_at, updated_at, started_at, lease_until, seen_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING "
                + COLUMNS)) {
      ps.setString(1, a.disputeId());
      ps.setString(2, a.kind().name());
      ps.setString(3, a.intentKey());
      ps.setString(4, requestId);
      ps.setString(5, a.requestedBy());
      ps.setString(6, a.status().name());
      Jdbc.setString(ps, 7, a.amount() == null ? null : a.amount().value().toPlainString());
      Jdbc.setString(ps, 8, a.amount() == null ? null : a.amount().currencyCode());
      ps.setString(9, a.requestJson());
      Jdbc.setInstant(ps, 10, now);
      Jdbc.setInstant(ps, 11, now);
      Jdbc.setInstant(ps, 12, leaseUntil == null ? null : now);
      Jdbc.setInstant(ps, 13, leaseUntil);
      Jdbc.setString(ps, 14, a.seenJson());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rows.action(rs)) : Optional.empty();
      }
    }
  }

  public Optional<Action> find(long id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM actions WHERE id = ?")) {
            ps.setLong(1, id);
            return first(ps);
          }
        });
  }

  /** The dispute's open (awaiting approval, in flight or unknown) action of this kind. */
  public Optional<Action> openFor(String disputeId, DisputeAction kind) {
    return db.read(c -> openFor(c, disputeId, kind));
  }

  private Optional<Action> openFor(Connection c, String disputeId, DisputeAction kind)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM actions"
                + " WHERE dispute_id = ? AND kind = ? AND status IN "
                + OPEN
                + " ORDER BY id DESC")) {
      ps.setString(1, disputeId);
      ps.setString(2, kind.name());
      return first(ps);
    }
  }

  /**
   * Moves the action from one status to another only if it is still in {@code from}; null outcome,
   * debug id or approver leave the stored value as it was. Not for entering IN_FLIGHT, which takes
   * a lease: see {@link #startApproved}.
   */
  public boolean transition(
      long id,
      ActionStatus from,
      ActionStatus to,
      String outcome,
      String debugId,
      String approvedBy) {
    if (to == ActionStatus.IN_FLIGHT) {
      throw new IllegalArgumentException("use startApproved to put an action in flight");
    }
    Instant now = db.clock().instant();
    return db.updateOne(
        "UPDATE actions SET status = ?,"
            + " outcome = COALESCE(?, outcome), debug_id = COALESCE(?, debug_id),"
            + " approved_by = COALESCE(?, approved_by), updated_at = ? WHERE id = ? AND status = ?",
        ps -> {
          ps.setString(1, to.name());
          Jdbc.setString(ps, 2, outcome);
          Jdbc.setString(ps, 3, debugId);
          Jdbc.setString(ps, 4, approvedBy);
          Jdbc.setInstant(ps, 5, now);
          ps.setLong(6, id);
          ps.setString(7, from.name());
        });
  }

  /**
   * An approver's go: AWAITING_APPROVAL becomes IN_FLIGHT, leased to the caller until {@code
   * leaseUntil}. False when someone else decided first.
   */
  public boolean startApproved(long id, String approvedBy, Instant leaseUntil) {
    Instant now = db.clock().instant();
    return db.updateOne(
        "UPDATE actions SET status = 'IN_FLIGHT', approved_by = ?, started_at = ?, lease_until = ?,"
            + " updated_at = ? WHERE id = ? AND status = 'AWAITING_APPROVAL'",
        ps -> {
          ps.setString(1, approvedBy);
          Jdbc.setInstant(ps, 2, now);
          Jdbc.setInstant(ps, 3, leaseUntil);
          Jdbc.setInstant(ps, 4, now);
          ps.setLong(5, id);
        });
  }

  /** The running process's heartbeat: extends the lease while the action is still IN_FLIGHT. */
  public boolean renewLease(long id, Instant leaseUntil) {
    return db.updateOne(
        "UPDATE actions SET lease_until = ? WHERE id = ? AND status = 'IN_FLIGHT'",
        ps -> {
          Jdbc.setInstant(ps, 1, leaseUntil);
          ps.setLong(2, id);
        });
  }

  /**
   * IN_FLIGHT actions whose lease ran out before {@code now}, oldest first: their process is gone.
   */
  public List<Action> leaseExpired(Instant now) {
    return db.list(
        "SELECT "
            + COLUMNS
            + " FROM actions"
            + " WHERE status = 'IN_FLIGHT' AND (lease_until IS NULL OR lease_until < ?) ORDER BY id",
        ps -> Jdbc.setInstant(ps, 1, now),
        rows::action);
  }

  /**
   * Takes over an IN_FLIGHT action whose lease ran out before {@code now}, marking it UNKNOWN. A
   * compare-and-set on the lease too: false when its process renewed the lease or settled it first.
   */
  public boolean takeOver(long id, Instant now, String outcome) {
    return db.updateOne(
        "UPDATE actions SET status = 'UNKNOWN', outcome = ?, updated_at = ? WHERE id = ?"
            + " AND status = 'IN_FLIGHT' AND (lease_until IS NULL OR lease_until < ?)",
        ps -> {
          ps.setString(1, outcome);
          Jdbc.setInstant(ps, 2, db.clock().instant());
          ps.setLong(3, id);
          Jdbc.setInstant(ps, 4, now);
        });
  }

  /**
   * The newest action of {@code kind} recorded since {@code since} whose intent key matches one of
   * the SQL {@code LIKE} patterns (e.g. every send of one evidence draft, whichever way it was
   * sent).
   */
  public Optional<Action> newestWithIntentLike(
      DisputeAction kind, List<String> patterns, Instant since) {
    if (patterns.isEmpty()) {
      return Optional.empty();
    }
    String like = String.join(" OR ", patterns.stream().map(p -> "intent_key LIKE ?").toList());
    return db.first(
        "SELECT "
            + COLUMNS
            + " FROM actions WHERE kind = ? AND ("
            + like
            + ") AND created_at >= ? ORDER BY id DESC LIMIT 1",
        ps -> {
          ps.setString(1, kind.name());
          int i = 2;
          for (String p : patterns) {
            ps.setString(i++, p);
          }
          Jdbc.setInstant(ps, i, since);
        },
        rows::action);
  }

  /** Every action in the status, oldest first (restart recovery of IN_FLIGHT and UNKNOWN rows). */
  public List<Action> inState(ActionStatus status) {
    return db.list(
        "SELECT " + COLUMNS + " FROM actions WHERE status = ? ORDER BY id",
        ps -> ps.setString(1, status.name()),
        rows::action);
  }

  private Optional<Action> one(Connection c, String sql, String param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      return first(ps);
    }
  }

  private Optional<Action> first(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rows.action(rs)) : Optional.empty();
    }
  }
}
