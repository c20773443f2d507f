package io.disputedesk.bench;

import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.slack.ApiCall;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Splits each change's latency into stages, from the benchmark's records (PayPal reads, Slack
 * calls) and the bot's outbox table after the run: change → the bot reads the dispute from PayPal →
 * its CARD row is queued (stored with the dispute, one transaction) → the row that updated the card
 * was claimed (seen by {@link OutboxWatch}) → {@code chat.update} reached Slack. Prints the
 * percentiles of each stage and one line per slow change.
 */
final class ChangeToCardStages {
  /** A change and the first {@code chat.update} of its card that showed it (or a later one). */
  record Resolved(String disputeId, Instant at, ApiCall update) {
    long millis() {
      return Duration.between(at, update.at()).toMillis();
    }
  }

  /** A CARD row of the outbox as the run left it. */
  record CardRow(
      long id,
      String disputeId,
      String status,
      int attempts,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant sentAt,
      String lastError,
      boolean redraw) {}

  private ChangeToCardStages() {}

  static void print(
      List<Resolved> resolved,
      List<SimRequest> reads,
      List<ApiCall> updates,
      String jdbcUrl,
      OutboxWatch watch,
      long slowMillis)
      throws SQLException {
    List<CardRow> rows = cardRows(jdbcUrl);
    List<Instant> calls = updates.stream().map(ApiCall::at).sorted().toList();
    List<Long> read = new ArrayList<>();
    List<Long> queue = new ArrayList<>();
    List<Long> claim = new ArrayList<>();
    List<Long> send = new ArrayList<>();
    List<String> slow = new ArrayList<>();
    resolved.sort(Comparator.comparing(Resolved::at));
    for (Resolved r : resolved) {
      Instant readAt = firstRead(reads, r);
      CardRow queued = firstRow(rows, r.disputeId(), r.at());
      CardRow sender = senderRow(rows, r.disputeId(), r.update().at());
      Instant claimedAt = sender == null ? null : watch == null ? null : watch.claimedAt(sender.id);
      add(read, r.at(), readAt);
      add(queue, readAt, queued == null ? null : queued.createdAt());
      add(claim, queued == null ? null : queued.createdAt(), claimedAt);
      add(send, claimedAt, r.update().at());
      if (r.millis() >= slowMillis) {
        slow.add(
            String.format(
                Locale.ROOT,
                "  slow %s %5d ms: read +%s, queued +%s (row %s %s), claimed +%s (row %s, %s"
                    + " attempt(s)%s), chat.update +%s; updates of any card in the wait: %d,"
                    + " longest gap between them %d ms; earlier CARD row of the card: %s",
                r.disputeId(),
                r.millis(),
                since(r.at(), readAt),
                since(r.at(), queued == null ? null : queued.createdAt()),
                queued == null ? "-" : queued.id(),
                queued == null ? "-" : describe(queued),
                since(r.at(), claimedAt),
                sender == null ? "-" : sender.id(),
                sender == null ? "-" : sender.attempts(),
                sender == null || sender.lastError() == null ? "" : ", " + sender.lastError(),
                since(r.at(), r.update().at()),
                between(calls, queued == null ? r.at() : queued.createdAt(), r.update().at()),
                longestGap(calls, queued == null ? r.at() : queued.createdAt(), r.update().at()),
                queued == null ? "-" : earlier(rows, queued)));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "stages (p50 / p90 / p99 / max ms): change→read %s; read→CARD row queued %s;"
            + " queued→claimed %s; claimed→chat.update %s (%d rows seen claimed)%n",
        pcts(read),
        pcts(queue),
        pcts(claim),
        pcts(send),
        watch == null ? 0 : watch.seen());
    slow.forEach(System.out::println);
  }

  private static String describe(CardRow row) {
    return row.status()
        + (row.redraw() ? " redraw" : "")
        + (row.lastError() == null ? "" : " '" + row.lastError() + "'")
        + (row.nextAttemptAt().isAfter(row.createdAt())
            ? " due +" + Duration.between(row.createdAt(), row.nextAttemptAt()).toMillis() + " ms"
            : "");
  }

  /** The CARD row of the same dispute before {@code row}: when it was queued and sent. */
  private static String earlier(List<CardRow> rows, CardRow row) {
    CardRow before = null;
    for (CardRow r : rows) {
      if (r.disputeId().equals(row.disputeId()) && r.id() < row.id()) {
        before = r;
      }
    }
    if (before == null) {
      return "none";
    }
    return String.format(
        Locale.ROOT,
        "row %d queued %+d ms, sent %s",
        before.id(),
        Duration.between(row.createdAt(), before.createdAt()).toMillis(),
        before.sentAt() == null
            ? "never"
            : String.format(
                Locale.ROOT,
                "%+d ms",
                Duration.between(row.createdAt(), before.sentAt()).toMillis()));
  }

  private static Instant firstRead(List<SimRequest> reads, Resolved r) {
    return reads.stream()
        .filter(q -> q.pathAndQuery().contains(r.disputeId()) && !q.receivedAt().isBefore(r.at()))
        .map(SimRequest::receivedAt)
        .min(Instant::compareTo)
        .orElse(null);
  }

  /**
   * The first CARD row for a change of the dispute (not a redraw for order facts) queued at or
   * after {@code at} (millisecond clock).
   */
  private static CardRow firstRow(List<CardRow> rows, String disputeId, Instant at) {
    Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
    return rows.stream()
        .filter(r -> r.disputeId().equals(disputeId) && !r.redraw() && !r.createdAt().isBefore(ms))
        .min(Comparator.comparingLong(CardRow::id))
        .orElse(null);
  }

  /** The row whose send is {@code update}: the first not superseded, sent at or after it. */
  private static CardRow senderRow(List<CardRow> rows, String disputeId, Instant update) {
    Instant ms = update.truncatedTo(ChronoUnit.MILLIS);
    return rows.stream()
        .filter(
            r ->
                r.disputeId().equals(disputeId)
                    && r.sentAt() != null
                    && !r.sentAt().isBefore(ms)
                    && !"superseded by a newer update of the card".equals(r.lastError()))
        .min(Comparator.comparing(CardRow::sentAt))
        .orElse(null);
  }

  private static int between(List<Instant> calls, Instant from, Instant to) {
    return (int) calls.stream().filter(t -> t.isAfter(from) && t.isBefore(to)).count();
  }

  private static long longestGap(List<Instant> calls, Instant from, Instant to) {
    Instant last = from;
    long gap = 0;
    for (Instant t : calls) {
      if (t.isAfter(from) && !t.isAfter(to)) {
        gap = Math.max(gap, Duration.between(last, t).toMillis());
        last = t;
      }
    }
    return gap;
  }

  private static String since(Instant from, Instant to) {
    return to == null ? "?" : Long.toString(Duration.between(from, to).toMillis());
  }

  private static void add(List<Long> into, Instant from, Instant to) {
    if (from != null && to != null) {
      into.add(Duration.between(from, to).toMillis());
    }
  }

  private static String pcts(List<Long> millis) {
    if (millis.isEmpty()) {
      return "-";
    }
    Collections.sort(millis);
    return String.format(
        Locale.ROOT,
        "%d / %d / %d / %d",
        pct(millis, 50),
        pct(millis, 90),
        pct(millis, 99),
        millis.get(millis.size() - 1));
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
  }

  private static List<CardRow> cardRows(String jdbcUrl) throws SQLException {
    List<CardRow> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, dispute_id, status, attempts, created_at, next_attempt_at, sent_at,"
                    + " last_error, payload FROM slack_outbox WHERE kind = 'CARD' ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long sent = rs.getLong(7);
        boolean unsent = rs.wasNull();
        rows.add(
            new CardRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6)),
                unsent ? null : Instant.ofEpochMilli(sent),
                rs.getString(8),
                "redraw".equals(rs.getString(9))));
      }
    }
    return rows;
  }
}
