package io.disputedesk.slack;

import io.disputedesk.ops.Retention;
import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import io.disputedesk.store.Prune;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Slack outbox: writes are queued once per dedupe key and claimed with a lease, so replicas
 * never send the same row and a dispute's rows go out in order.
 */
public final class OutboxStore implements Retention.SlackWrites {
  private static final String COLUMNS =
      "id, dedupe_key, kind, channel, dispute_id, payload, status,"
          + " attempts, next_attempt_at, claimed_by, claimed_until, sent_ts, last_error, created_at, sent_at";
  private static final String UNFINISHED = "('PENDING', 'SENDING')";

  /** The end of an outcome's UPDATE: the row's claim released, while it is still unfinished. */
  private static final String UNCLAIM_UNFINISHED =
      " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status IN " + UNFINISHED;

  /*
   * Lanes keep the order that matters. A card update (a CARD row whose card is already posted in
   * its channel) follows only the earlier CARD rows of that card; every other row of a dispute (its
   * first card post, its thread replies) follows every earlier row of the dispute, as it always did.
   * So a card's first post precedes its updates (an update is only one once the post is recorded),
   * thread replies keep their order and come after the card changes queued before them, and an
   * update never waits behind a thread reply, which Slack lets out only one a second per channel.
   */
  private static String isUpdate(String row) {
    return "("
        + row
        + ".kind = 'CARD' AND EXISTS (SELECT 1 FROM slack_cards k"
        + " WHERE k.dispute_id = "
        + row
        + ".dispute_id AND k.channel = "
        + row
        + ".channel))";
  }

  /** True when row {@code o} waits for the earlier row {@code p} of the same dispute. */
  private static String waitsFor(String o, String p) {
    return "(NOT "
        + isUpdate(o)
        + " OR ("
        + p
        + ".kind = 'CARD' AND "
        + p
        + ".channel = "
        + o
        + ".channel))";
  }

  /*
   * A row is claimable when it is PENDING, due, and its claim is free or expired, and every older
   * unfinished row it waits for is claimable too (it then comes first in the same batch, since the
   * batch is taken in id order; in the card update lane's order, see UPDATE_ORDER, a row whose
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
          + COLUMNS;

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

  /**
   * How much later than it was queued a redraw counts in the card update lane's order: a redraw
   * (new order facts, nothing changed in the dispute) lets the updates for changes queued up to
   * this long after it go first, and still goes out at most this much later than in queue order.
   */
  static final Duration REDRAW_DELAY = Duration.ofSeconds(10);

  /*
   * The card update lane's order: by when each row was queued, a redraw counted REDRAW_DELAY later
   * unless a newer update for a change of the same card is pending (the redraw then goes with it
   * and is superseded by it, so the change never waits for a redraw kept back), then by id. Only
   * rows of different cards change places: a card's own rows still go out in id order (above).
   */
  private static final String UPDATE_ORDER =
      "o.created_at + CASE WHEN o.payload = '"
          + Notifier.REDRAW
          + "' AND NOT EXISTS (SELECT 1 FROM slack_outbox n"
          + " WHERE n.dispute_id = o.dispute_id AND n.channel = o.channel AND n.kind = 'CARD'"
          + " AND n.status = 'PENDING' AND n.id > o.id"
          + " AND (n.payload IS NULL OR n.payload <> '"
          + Notifier.REDRAW
          + "')) THEN "
          + REDRAW_DELAY.toMillis()
          + " ELSE 0 END, o.id";

  /** The last error of a card update taken over by a newer update of the same card. */
  public static final String SUPERSEDED = "superseded by a newer update of the card";

  /** Which rows a claim takes. */
  public enum Lane {
    /** Card updates: {@code chat.update} of a card already posted. */
    UPDATES("%s", UPDATE_ORDER),
    /** Everything else: new cards, thread replies, messages and files. */
    POSTS("NOT %s", "o.id"),
    /** Both. */
    ALL("1 = 1", "o.id");

    private final String filter;
    private final String order;

    Lane(String filter, String order) {
      this.filter = filter;
      this.order = order;
    }

    String where() {
      return filter.contains("%s") ? filter.formatted(isUpdate("o")) : filter;
    }

    /** The order rows are claimed and sent in; see UPDATE_ORDER. */
    Comparator<OutboxRow> sendOrder() {
      return this == UPDATES
          ? Comparator.comparing(OutboxStore::updateOrder).thenComparingLong(OutboxRow::id)
          : Comparator.comparingLong(OutboxRow::id);
    }
  }

  /**
   * A claimed update's place in the lane's order (its batch holds no other row of its card: older
   * ones are superseded).
   */
  private static Instant updateOrder(OutboxRow row) {
    return Notifier.REDRAW.equals(row.payload())
        ? row.createdAt().plus(REDRAW_DELAY)
        : row.createdAt();
  }

  private final Database db;

  public OutboxStore(Database db) {
    this.db = db;
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
   * id order; see {@link #claimDue(String, Instant, Duration, int, Lane)}.
   */
  public List<OutboxRow> claimDue(String workerId, Instant now, Duration lease, int limit) {
    return claimDue(workerId, now, lease, limit, Lane.ALL);
  }

  /**
   * Claims up to {@code limit} due rows of {@code lane} for the worker until {@code now + lease},
   * in id order (card updates: those for changes ahead of redraws queued less than {@link
   * #REDRAW_DELAY} before them). Rows the worker already holds are not returned again while the
   * lease lasts. Of several updates of one card in the batch only the newest is returned (the
   * others are recorded as {@link #SUPERSEDED}). The caller sends them in the order given and, once
   * a row is put back with {@link #retryLater}, skips the later rows of its lane in the batch (they
   * stay blocked until the earlier one is due).
   */
  public List<OutboxRow> claimDue(
      String workerId, Instant now, Duration lease, int limit, Lane lane) {
    Instant until = now.plus(lease);
    String claim =
        CANDIDATES.formatted(lane.where(), lane.order)
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
                claimed = list(ps);
              }
              if (claimed.isEmpty()) {
                return claimed;
              }
              Set<Long> givenBack = unclaimOutOfOrder(c, workerId, until);
              if (lane != Lane.POSTS) {
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
            OutboxStore::row)
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
        OutboxStore::row);
  }

  /** Every row in the status (one of the constants in {@link OutboxRow}), oldest first. */
  public List<OutboxRow> inState(String status) {
    return db.list(
        "SELECT " + COLUMNS + " FROM slack_outbox WHERE status = ? ORDER BY id",
        ps -> ps.setString(1, status),
        OutboxStore::row);
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

  private static List<OutboxRow> list(PreparedStatement ps) throws SQLException {
    return Jdbc.list(ps, OutboxStore::row);
  }

  private static OutboxRow row(ResultSet rs) throws SQLException {
    return new OutboxRow(
        rs.getLong("id"),
        rs.getString("dedupe_key"),
        rs.getString("kind"),
        rs.getString("channel"),
        rs.getString("dispute_id"),
        rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"),
        Jdbc.getInstant(rs, "next_attempt_at"),
        rs.getString("claimed_by"),
        Jdbc.getInstant(rs, "claimed_until"),
        rs.getString("sent_ts"),
        rs.getString("last_error"),
        Jdbc.getInstant(rs, "created_at"),
        Jdbc.getInstant(rs, "sent_at"));
  }
}
