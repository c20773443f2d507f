package io.disputedesk.order;

import io.disputedesk.order.TrackerAddition.Status;
import io.disputedesk.paypal.NewTracker;
import io.disputedesk.paypal.TrackingStatus;
import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The trackers to add to PayPal with evidence actions, one per action, each claimed by exactly one
 * process (compare-and-set) before it is sent: a retried submission, a second replica or a restart
 * finds it claimed or settled.
 */
public final class TrackerAdditionStore {
  private static final String COLUMNS =
      "action_id, dispute_id, transaction_id, tracking_number, carrier,"
          + " carrier_name_other, request_id, status, outcome, debug_id";

  private final Database db;

  public TrackerAdditionStore(Database db) {
    this.db = db;
  }

  /**
   * Plans the tracker of an evidence action, with a fresh PayPal-Request-Id; a second plan for it
   * is ignored.
   */
  public void plan(long actionId, String disputeId, NewTracker t) {
    db.update(
        "INSERT INTO tracker_additions (action_id, dispute_id,"
            + " transaction_id, tracking_number, carrier, carrier_name_other, request_id, status, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?) ON CONFLICT (action_id) DO NOTHING",
        ps -> {
          long now = db.clock().millis();
          ps.setLong(1, actionId);
          ps.setString(2, disputeId);
          ps.setString(3, t.transactionId());
          ps.setString(4, t.trackingNumber());
          ps.setString(5, t.carrier());
          Jdbc.setString(ps, 6, t.carrierNameOther());
          ps.setString(7, UUID.randomUUID().toString());
          ps.setLong(8, now);
          ps.setLong(9, now);
        });
  }

  public Optional<TrackerAddition> find(long actionId) {
    return db.first(
        "SELECT " + COLUMNS + " FROM tracker_additions WHERE action_id = ?",
        ps -> ps.setLong(1, actionId),
        TrackerAdditionStore::row);
  }

  /**
   * Takes the tracker for sending until {@code until}: true for one caller, while it is planned or
   * its last sender's claim ran out by {@code now} (that process stopped).
   */
  public boolean claim(long actionId, Instant now, Instant until) {
    return db.updateOne(
        "UPDATE tracker_additions SET status = 'SENDING', claimed_until = ?, updated_at = ?"
            + " WHERE action_id = ? AND (status = 'PLANNED' OR (status = 'SENDING' AND claimed_until < ?))",
        ps -> {
          Jdbc.setInstant(ps, 1, until);
          Jdbc.setInstant(ps, 2, now);
          ps.setLong(3, actionId);
          Jdbc.setInstant(ps, 4, now);
        });
  }

  /**
   * Records what PayPal said about a claimed tracker ({@code to} is ADDED or FAILED); false when
   * not claimed.
   */
  public boolean settle(long actionId, Status to, String outcome, String debugId) {
    if (to != Status.ADDED && to != Status.FAILED) {
      throw new IllegalArgumentException("a sent tracker settles as ADDED or FAILED, not " + to);
    }
    return db.updateOne(
        "UPDATE tracker_additions SET status = ?, outcome = ?, debug_id = ?, claimed_until = NULL,"
            + " updated_at = ? WHERE action_id = ? AND status = 'SENDING'",
        ps -> {
          ps.setString(1, to.name());
          Jdbc.setString(ps, 2, outcome);
          Jdbc.setString(ps, 3, debugId);
          ps.setLong(4, db.clock().millis());
          ps.setLong(5, actionId);
        });
  }

  /**
   * The evidence did not go through: the planned tracker is not sent. False when it was not
   * planned.
   */
  public boolean drop(long actionId, String why) {
    return db.updateOne(
        "UPDATE tracker_additions SET status = 'DROPPED', outcome = ?, updated_at = ?"
            + " WHERE action_id = ? AND status = 'PLANNED'",
        ps -> {
          ps.setString(1, why);
          ps.setLong(2, db.clock().millis());
          ps.setLong(3, actionId);
        });
  }

  /**
   * The action ids of trackers no process is looking after: planned, or claimed by one that
   * stopped.
   */
  public List<Long> unsettled(Instant now) {
    return db.list(
        "SELECT action_id FROM tracker_additions WHERE status = 'PLANNED'"
            + " OR (status = 'SENDING' AND claimed_until < ?) ORDER BY action_id",
        ps -> Jdbc.setInstant(ps, 1, now),
        rs -> rs.getLong(1));
  }

  private static TrackerAddition row(ResultSet rs) throws SQLException {
    NewTracker t =
        new NewTracker(
            rs.getString("transaction_id"),
            rs.getString("tracking_number"),
            TrackingStatus.SHIPPED,
            rs.getString("carrier"),
            rs.getString("carrier_name_other"),
            null,
            null);
    return new TrackerAddition(
        rs.getLong("action_id"),
        rs.getString("dispute_id"),
        t,
        rs.getString("request_id"),
        Status.valueOf(rs.getString("status")),
        rs.getString("outcome"),
        rs.getString("debug_id"));
  }
}
