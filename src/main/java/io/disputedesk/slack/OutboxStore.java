package io.disputedesk.slack;

import io.disputedesk.ops.Retention;
import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import io.disputedesk.store.Prune;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Slack outbox: writes are queued once per dedupe key and claimed with a lease (see {@link
 * OutboxClaims}), so replicas never send the same row and a dispute's rows go out in order.
 */
public final class OutboxStore implements Retention.SlackWrites {
  private static final String COLUMNS = OutboxRows.COLUMNS;
  private static final String UNFINISHED = "('PENDING', 'SENDING')";

  /** The end of an outcome's UPDATE: the row's claim released, while it is still unfinished. */
  private static final String UNCLAIM_UNFINISHED =
      " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status IN " + UNFINISHED;

  private final Database db;
  private final OutboxClaims claims;

  public OutboxStore(Database db) {
    this.db = db;
    this.claims = new OutboxClaims(db);
  }

  /**
   * Queues the entry unless its dedupe key was queued before (a row sent more than a week ago is
   * forgotten by the daily prune; no intent is queued again that late); true when it is new.
   */
  public boolean enqueue(OutboxEntry e) {
    Instant now = db.clock().instant();
    return db.updateOne(
        "INSERT INTO slack_outbox (dedupe_key, kind, channel, dispute_id, payload, status,"
            + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)"
            + " ON CONFLICT (dedupe_key) DO NOTHING",
        ps -> {
          ps.setString(1, e.dedupeKey());
          ps.setString(2, e.kind());
          ps.setString(3, e.channel());
          Jdbc.setString(ps, 4, e.disputeId());
          Jdbc.setString(ps, 5, e.payload());
          Jdbc.setInstant(ps, 6, now);
          Jdbc.setInstant(ps, 7, now);
        });
  }

  /** Runs {@code hook} once the caller's transaction (if any) has committed the rows it queued. */
  public void afterCommit(Runnable hook) {
    db.afterCommit(hook);
  }

  /**
   * Claims up to {@code limit} due rows of every lane for the worker until {@code now + lease}, in
   * id order; see {@link OutboxClaims#claimDue}.
   */
  public List<OutboxRow> claimDue(String workerId, Instant now, Duration lease, int limit) {
    return claimDue(workerId, now, lease, limit, OutboxLane.ALL);
  }

  /** Claims up to {@code limit} due rows of {@code lane}; see {@link OutboxClaims#claimDue}. */
  List<OutboxRow> claimDue(
      String workerId, Instant now, Duration lease, int limit, OutboxLane lane) {
    return claims.claimDue(workerId, now, lease, limit, lane);
  }

  /**
   * Marks the row SENDING just before the Slack call and counts the attempt; false when it is no
   * longer PENDING (another holder of an expired lease got there first), and then it must not be
   * sent.
   */
  public boolean markSending(long id) {
    return db.updateOne(
        "UPDATE slack_outbox SET status = 'SENDING', attempts = attempts + 1"
            + " WHERE id = ? AND status = 'PENDING'",
        ps -> ps.setLong(1, id));
  }

  public boolean markSent(long id, String ts, Instant now) {
    return db.updateOne(
        "UPDATE slack_outbox SET status = 'SENT', sent_ts = ?, sent_at = ?," + UNCLAIM_UNFINISHED,
        ps -> {
          Jdbc.setString(ps, 1, ts);
          Jdbc.setInstant(ps, 2, now);
          ps.setLong(3, id);
        });
  }

  /**
   * Releases the worker's claims on these rows while they are still PENDING (not yet being sent),
   * for the next claim to take them again in the lane's order.
   */
  public void giveBack(String workerId, List<Long> ids) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE slack_outbox SET claimed_by = NULL, claimed_until = NULL"
                      + " WHERE id = ? AND claimed_by = ? AND status = 'PENDING'")) {
            for (long id : ids) {
              ps.setLong(1, id);
              ps.setString(2, workerId);
              ps.addBatch();
            }
            ps.executeBatch();
            return null;
          }
        });
  }

  /** Puts the row back to PENDING, due at {@code at}, with its claim released. */
  public boolean retryLater(long id, Instant at, String error) {
    return db.updateOne(
        "UPDATE slack_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?,"
            + UNCLAIM_UNFINISHED,
        ps -> {
          Jdbc.setInstant(ps, 1, at);
          Jdbc.setString(ps, 2, error);
          ps.setLong(3, id);
        });
  }

  /**
   * Gives up on the row and queues {@code note} about it (when there is one) in one transaction, or
   * does neither: a row given up with no note would never be told to anyone. False, with nothing
   * queued, when the row was finished meanwhile.
   */
  public boolean giveUp(long id, String error, Optional<OutboxEntry> note) {
    return db.atomically(
        () -> {
          if (!markFailed(id, error)) {
            return false;
          }
          note.ifPresent(this::enqueue);
          return true;
        });
  }

  /** Gives up on the row; it no longer holds back its dispute's later rows. */
  public boolean markFailed(long id, String error) {
    return db.updateOne(
        "UPDATE slack_outbox SET status = 'FAILED', last_error = ?," + UNCLAIM_UNFINISHED,
        ps -> {
          Jdbc.setString(ps, 1, error);
          ps.setLong(2, id);
        });
  }

  /**
   * Takes over a SENDING row whose lease has run out, for the worker to settle it; false when the
   * row was settled, re-sent or taken over by someone else meanwhile. Across replicas this makes
   * exactly one of them settle an abandoned send.
   */
  public boolean takeOver(long id, String workerId, Instant now, Duration lease) {
    return db.updateOne(
        "UPDATE slack_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'SENDING'"
            + " AND (claimed_until IS NULL OR claimed_until <= ?)",
        ps -> {
          ps.setString(1, workerId);
          Jdbc.setInstant(ps, 2, now.plus(lease));
          ps.setLong(3, id);
          Jdbc.setInstant(ps, 4, now);
        });
  }

  public int pendingCount() {
    return count("PENDING");
  }

  /** Deletes SENT rows sent before {@code before} (retention); returns how many. */
  @Override
  public int pruneSent(Instant before) {
    return Prune.olderThan(db, "slack_outbox", "status = 'SENT' AND sent_at < ?", before);
  }

  /**
   * Deletes FAILED rows queued before {@code before} (kept a while for inspection); returns how
   * many.
   */
  @Override
  public int pruneFailed(Instant before) {
    return Prune.olderThan(db, "slack_outbox", "status = 'FAILED' AND created_at < ?", before);
  }

  /** Rows given up on (FAILED), for the health report and metrics. */
  public int failedCount() {
    return count("FAILED");
  }

  /** The row queued under {@code dedupeKey}, if it is still kept. */
  public Optional<OutboxRow> find(String dedupeKey) {
    return db
        .list(
            "SELECT " + COLUMNS + " FROM slack_outbox WHERE dedupe_key = ?",
            ps -> ps.setString(1, dedupeKey),
            OutboxRows::row)
        .stream()
        .findFirst();
  }

  /**
   * The dispute's thread replies whose dedupe key starts with {@code keyPrefix}, oldest first (a
   * prefix compared as text: no LIKE, whose wildcards dispute ids may hold).
   */
  List<OutboxRow> threadReplies(String disputeId, String keyPrefix) {
    return db.list(
        "SELECT "
            + COLUMNS
            + " FROM slack_outbox WHERE dispute_id = ? AND kind = ?"
            + " AND substr(dedupe_key, 1, ?) = ? ORDER BY id",
        ps -> {
          ps.setString(1, disputeId);
          ps.setString(2, Notifier.THREAD);
          ps.setInt(3, keyPrefix.length());
          ps.setString(4, keyPrefix);
        },
        OutboxRows::row);
  }

  /** Every row in the status (one of the constants in {@link OutboxRow}), oldest first. */
  public List<OutboxRow> inState(String status) {
    return db.list(
        "SELECT " + COLUMNS + " FROM slack_outbox WHERE status = ? ORDER BY id",
        ps -> ps.setString(1, status),
        OutboxRows::row);
  }

  private int count(String status) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM slack_outbox WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  /** Gives back the worker's claims on PENDING rows (at shutdown); SENDING rows keep theirs. */
  public int release(String workerId) {
    return db.update(
        "UPDATE slack_outbox SET claimed_by = NULL,"
            + " claimed_until = NULL WHERE claimed_by = ? AND status = 'PENDING'",
        ps -> ps.setString(1, workerId));
  }
}
