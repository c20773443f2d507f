package io.disputedesk.slack;

import static io.disputedesk.slack.OutboxLane.isUpdate;
import static io.disputedesk.slack.OutboxLane.waitsFor;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Claims due outbox rows with a lease, so replicas never send the same row and a dispute's rows go
 * out in order.
 */
final class OutboxClaims {
  /*
   * A row is claimable when it is PENDING, due, and its claim is free or expired, and every older
   * unfinished row it waits for is claimable too (it then comes first in the same batch, since the
   * batch is taken in id order; in the card update lane's order, see OutboxLane, a row whose
   * older row did not make the batch is given back below). The outer conditions repeat the claim
   * test so that a row claimed by a concurrent transaction is re-checked and skipped. On PostgreSQL
   * the candidates are locked with SKIP LOCKED, so concurrent replicas take disjoint rows instead of
   * queueing behind one another's locks and then finding the rows gone.
   */
  private static final String CANDIDATES =
      """
      WITH candidates AS (
        SELECT o.id FROM slack_outbox o
        WHERE o.status = 'PENDING' AND o.next_attempt_at <= ?
          AND (o.claimed_until IS NULL OR o.claimed_until <= ?)
          AND %s
          AND NOT EXISTS (
            SELECT 1 FROM slack_outbox p
            WHERE p.dispute_id = o.dispute_id AND p.id < o.id
              AND (p.status = 'SENDING'
                OR (p.status = 'PENDING'
                  AND (p.next_attempt_at > ? OR (p.claimed_until IS NOT NULL AND p.claimed_until > ?))))
              AND """
          + waitsFor("o", "p")
          + """
      )
        ORDER BY %s
        LIMIT ?""";
  private static final String SKIP_LOCKED = " FOR UPDATE OF o SKIP LOCKED";
  private static final String CLAIM =
      """
      )
      UPDATE slack_outbox SET claimed_by = ?, claimed_until = ?
      WHERE id IN (SELECT id FROM candidates)
        AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until <= ?)
      RETURNING\s"""
          + OutboxRows.COLUMNS;

  /*
   * Gives back each row of this batch behind an older unfinished row it waits for that the batch
   * does not hold: an older card update when this batch takes only posts, or, on PostgreSQL, a
   * skipped (locked) or concurrently claimed older row that dropped out of the batch while the
   * candidate query, reading its snapshot, still let the newer row in.
   */
  private static final String UNCLAIM_OUT_OF_ORDER =
      """
      UPDATE slack_outbox SET claimed_by = NULL, claimed_until = NULL
      WHERE claimed_by = ? AND claimed_until = ? AND status = 'PENDING' AND dispute_id IS NOT NULL
        AND EXISTS (
          SELECT 1 FROM slack_outbox p
          WHERE p.dispute_id = slack_outbox.dispute_id AND p.id < slack_outbox.id
            AND p.status IN ('PENDING', 'SENDING')
            AND (p.status = 'SENDING' OR p.claimed_by IS NULL OR p.claimed_by <> ?
              OR p.claimed_until IS NULL OR p.claimed_until <> ?)
            AND """
          + waitsFor("slack_outbox", "p")
          + """
      )
      RETURNING id""";

  /*
   * Coalesces the updates of one card in this batch: every one but the newest is recorded as done,
   * since the newest is drawn from the dispute's latest stored state when it is sent, after every
   * change the older ones were queued for. The newest row keeps the duty to update the card.
   */
  private static final String SUPERSEDE =
      """
      UPDATE slack_outbox SET status = 'SENT', sent_at = ?, last_error = ?, claimed_by = NULL,
        claimed_until = NULL
      WHERE claimed_by = ? AND claimed_until = ? AND status = 'PENDING' AND kind = 'CARD'
        AND """
          + isUpdate("slack_outbox")
          + """
        AND EXISTS (
          SELECT 1 FROM slack_outbox n
          WHERE n.claimed_by = ? AND n.claimed_until = ? AND n.status = 'PENDING' AND n.kind = 'CARD'
            AND n.dispute_id = slack_outbox.dispute_id AND n.channel = slack_outbox.channel
            AND n.id > slack_outbox.id)
      RETURNING id""";

  /** The last error of a card update taken over by a newer update of the same card. */
  static final String SUPERSEDED = "superseded by a newer update of the card";

  private final Database db;

  OutboxClaims(Database db) {
    this.db = db;
  }

  /**
   * Claims up to {@code limit} due rows of {@code lane} for the worker until {@code now + lease},
   * in id order (card updates: those for changes ahead of redraws queued less than {@link
   * OutboxLane#REDRAW_DELAY} before them). Rows the worker already holds are not returned again
   * while the lease lasts. Of several updates of one card in the batch only the newest is returned
   * (the others are recorded as {@link #SUPERSEDED}). The caller sends them in the order given and,
   * once a row is put back with {@link OutboxStore#retryLater}, skips the later rows of its lane in
   * the batch (they stay blocked until the earlier one is due).
   */
  List<OutboxRow> claimDue(
      String workerId, Instant now, Duration lease, int limit, OutboxLane lane) {
    Instant until = now.plus(lease);
    String claim =
        CANDIDATES.formatted(lane.where(), lane.order())
            + (db.isPostgres() ? SKIP_LOCKED : "")
            + CLAIM;
    List<OutboxRow> rows =
        db.inTransaction(
            c -> {
              List<OutboxRow> claimed;
              try (PreparedStatement ps = c.prepareStatement(claim)) {
                int i = 0;
                for (int n = 0; n < 4; n++) {
                  Jdbc.setInstant(ps, ++i, now);
                }
                ps.setInt(++i, limit);
                ps.setString(++i, workerId);
                Jdbc.setInstant(ps, ++i, until);
                Jdbc.setInstant(ps, ++i, now);
                claimed = OutboxRows.list(ps);
              }
              if (claimed.isEmpty()) {
                return claimed;
              }
              Set<Long> givenBack = unclaimOutOfOrder(c, workerId, until);
              if (lane != OutboxLane.POSTS) {
                givenBack.addAll(supersede(c, workerId, until, now));
              }
              return claimed.stream()
                  .filter(r -> !givenBack.contains(r.id()))
                  .collect(Collectors.toList());
            });
    rows.sort(lane.sendOrder());
    return rows;
  }

  private static Set<Long> supersede(Connection c, String workerId, Instant until, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SUPERSEDE)) {
      Jdbc.setInstant(ps, 1, now);
      ps.setString(2, SUPERSEDED);
      ps.setString(3, workerId);
      Jdbc.setInstant(ps, 4, until);
      ps.setString(5, workerId);
      Jdbc.setInstant(ps, 6, until);
      return ids(ps);
    }
  }

  private static Set<Long> unclaimOutOfOrder(Connection c, String workerId, Instant until)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UNCLAIM_OUT_OF_ORDER)) {
      ps.setString(1, workerId);
      Jdbc.setInstant(ps, 2, until);
      ps.setString(3, workerId);
      Jdbc.setInstant(ps, 4, until);
      return ids(ps);
    }
  }

  private static Set<Long> ids(PreparedStatement ps) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
