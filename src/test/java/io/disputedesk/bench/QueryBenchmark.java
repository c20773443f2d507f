package io.disputedesk.bench;

import io.disputedesk.dispute.DigestData;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeStats;
import io.disputedesk.slack.DigestBuilder;
import io.disputedesk.slack.DigestMessage;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.commands.StatsBuilder;
import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Times the digest and {@code stats 90d} on a SQLite database of N disputes (default 100,000,
 * bulk-inserted over two years of history, ~3% open) and prints SQLite's query plans for every
 * statement behind them. A {@code main}, not a test: see {@code bench/README.md}.
 */
public final class QueryBenchmark {
  private static final String[] CURRENCIES = {
    "USD", "USD", "USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY"
  };
  private static final String[] REASONS = {
    "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
    "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED",
    "UNAUTHORISED",
    "CREDIT_NOT_PROCESSED",
    "DUPLICATE_TRANSACTION"
  };
  private static final String[] OPEN_STATUSES = {
    "WAITING_FOR_SELLER_RESPONSE",
    "WAITING_FOR_SELLER_RESPONSE",
    "WAITING_FOR_BUYER_RESPONSE",
    "UNDER_REVIEW",
    "OPEN"
  };
  private static final String[] OUTCOMES = {
    "RESOLVED_SELLER_FAVOUR",
    "RESOLVED_BUYER_FAVOUR",
    "RESOLVED_BUYER_FAVOUR",
    "CANCELED_BY_BUYER",
    "RESOLVED_WITH_PAYOUT",
    "ACCEPTED"
  };
  private static final int WARM_UP = 5;
  private static final int RUNS = 20;

  private QueryBenchmark() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Instant now = Instant.parse("2026-11-20T09:00:00Z");
    Path dir = Files.createTempDirectory("dispute-desk-bench");
    try (Database db =
        Database.open("jdbc:sqlite:" + dir.resolve("bench.db"), Clock.fixed(now, ZoneOffset.UTC))) {
      long started = System.nanoTime();
      int open = seed(db, n, now, new Random(42));
      System.out.printf("Seeded %,d disputes (%,d open) in %d ms%n", n, open, millis(started));

      DisputeQueries queries = new DisputeQueries(db);
      DigestBuilder digestBuilder =
          new DigestBuilder(
              new DisputeLines(new Permalinks(() -> Optional.of("https://acme.slack.com/"))),
              ZoneOffset.UTC);
      StatsBuilder statsBuilder = new StatsBuilder();
      Instant since = now.minus(Duration.ofDays(1));

      Supplier<Integer> digest =
          () -> {
            DigestData data = queries.digest(since, now, Duration.ofHours(48), 10);
            List<DigestMessage> messages =
                digestBuilder.build(data, LocalDate.of(2026, 11, 20), now);
            return messages.size();
          };
      Supplier<Integer> stats90 =
          () -> {
            DisputeStats s = queries.stats(now.minus(Duration.ofDays(90)), now, now);
            return statsBuilder.build(s, 90).blocks().size() + (int) s.resolved();
          };
      report("digest (queries + Block Kit)", digest);
      report("stats 90d (queries + Block Kit)", stats90);
      DisputeStats s = queries.stats(now.minus(Duration.ofDays(90)), now, now);
      System.out.printf(
          "  stats 90d: opened %d, resolved %d (won %d, lost %d), open now %d, median first action %s,"
              + " missed %d, overdue %d%n",
          s.opened(),
          s.resolved(),
          s.won(),
          s.lost(),
          s.openNow(),
          s.medianTimeToFirstAction(),
          s.deadlinesMissed(),
          s.overdueNow());
      DigestData d = queries.digest(since, now, Duration.ofHours(48), 10);
      System.out.printf(
          "  digest: %d new, %d due within 48 h, %d unassigned, %d resolved%n",
          d.newSince().total(), d.dueSoon().total(), d.unassigned().total(), d.resolved().total());

      System.out.println("\nEXPLAIN QUERY PLAN (stats 90d and digest):");
      for (Map.Entry<String, String> plan :
          queries.explainStatsAndDigest(now.minus(Duration.ofDays(90)), now).entrySet()) {
        System.out.printf("  %-26s %s%n", plan.getKey(), plan.getValue());
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void report(String name, Supplier<Integer> work) {
    for (int i = 0; i < WARM_UP; i++) {
      work.get();
    }
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      work.get();
      micros.add((System.nanoTime() - t) / 1000);
    }
    Collections.sort(micros);
    System.out.printf(
        "%-34s median %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d runs after %d warm-up)%n",
        name,
        micros.get(RUNS / 2) / 1000.0,
        micros.get((int) (RUNS * 0.95) - 1) / 1000.0,
        micros.get(RUNS - 1) / 1000.0,
        RUNS,
        WARM_UP);
  }

  /** Inserts n disputes spread over two years in one transaction; returns how many are open. */
  private static int seed(Database db, int n, Instant now, Random random) {
    return db.inTransaction(
        c -> {
          int open = 0;
          try (PreparedStatement d =
                  c.prepareStatement(
                      "INSERT INTO disputes (dispute_id, reason, status, dispute_state,"
                          + " stage, channel, amount_value, amount_minor, currency, create_time, update_time, seller_due, buyer_due,"
                          + " needs_seller, outcome_code, refunded_minor, resolved_at, first_seen_at, first_action_at, raw_json,"
                          + " stored_at) VALUES (?, ?, ?, ?, 'INQUIRY', 'INTERNAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
              PreparedStatement a =
                  c.prepareStatement(
                      "INSERT INTO assignments (dispute_id, user_id, assigned_by, assigned_at) VALUES (?, ?, 'U0LEAD', ?)");
              PreparedStatement card =
                  c.prepareStatement(
                      "INSERT INTO slack_cards (dispute_id, channel, ts, rendered_update, rendered_at, posted_at)"
                          + " VALUES (?, 'C0BENCH', ?, ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
              String id = String.format("PP-D-%07d", i);
              // Newest disputes are the open ones: ~3% of them, created in the last 20 days.
              boolean isOpen = i >= n - n * 3 / 100;
              Instant created =
                  isOpen
                      ? now.minus(Duration.ofMinutes(random.nextInt(20 * 24 * 60)))
                      : now.minus(Duration.ofMinutes(20 * 24 * 60 + random.nextInt(710 * 24 * 60)))
                          .plus(Duration.ofDays(random.nextInt(15)));
              Instant seen = created.plus(Duration.ofMinutes(random.nextInt(30)));
              Instant sellerDue = created.plus(Duration.ofDays(10 + random.nextInt(10)));
              String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
              long minor = 500 + random.nextInt(50_000);
              String status =
                  isOpen ? OPEN_STATUSES[random.nextInt(OPEN_STATUSES.length)] : "RESOLVED";
              Instant resolved =
                  isOpen ? null : created.plus(Duration.ofDays(3 + random.nextInt(40)));
              if (resolved != null && resolved.isAfter(now)) {
                // Resolved somewhere between creation and now instead.
                long span = Duration.between(created, now).toMinutes();
                resolved =
                    created.plus(Duration.ofMinutes(1 + (long) (random.nextDouble() * (span - 1))));
              }
              String outcome = isOpen ? null : OUTCOMES[random.nextInt(OUTCOMES.length)];
              Instant firstAction =
                  random.nextInt(10) < 7
                      ? seen.plus(Duration.ofMinutes(5 + random.nextInt(72 * 60)))
                      : null;
              int p = 0;
              d.setString(++p, id);
              d.setString(++p, REASONS[random.nextInt(REASONS.length)]);
              d.setString(++p, status);
              d.setString(++p, isOpen ? "REQUIRED_ACTION" : "RESOLVED");
              d.setString(
                  ++p,
                  java.math.BigDecimal.valueOf(minor, currency.equals("JPY") ? 0 : 2)
                      .toPlainString());
              d.setLong(++p, minor);
              d.setString(++p, currency);
              Jdbc.setInstant(d, ++p, created);
              Jdbc.setInstant(d, ++p, resolved == null ? created : resolved);
              Jdbc.setInstant(d, ++p, sellerDue);
              Jdbc.setInstant(
                  d,
                  ++p,
                  status.equals("WAITING_FOR_BUYER_RESPONSE")
                      ? now.plus(Duration.ofDays(3))
                      : null);
              d.setInt(++p, status.equals("WAITING_FOR_SELLER_RESPONSE") ? 1 : 0);
              Jdbc.setString(d, ++p, outcome);
              Jdbc.setLong(d, ++p, outcome != null && outcome.contains("BUYER") ? minor : null);
              Jdbc.setInstant(d, ++p, resolved);
              Jdbc.setInstant(d, ++p, seen);
              Jdbc.setInstant(d, ++p, firstAction);
              d.setString(++p, "{\"dispute_id\":\"" + id + "\"}");
              Jdbc.setInstant(d, ++p, seen);
              d.addBatch();
              if (isOpen) {
                open++;
                if (random.nextInt(10) < 6) {
                  assign(a, id, "U0AGENT" + random.nextInt(8), seen);
                }
              }
              if (isOpen || random.nextInt(10) == 0) {
                card.setString(1, id);
                card.setString(2, seen.getEpochSecond() + ".000100");
                Jdbc.setInstant(card, 3, created);
                Jdbc.setInstant(card, 4, seen);
                Jdbc.setInstant(card, 5, seen);
                card.addBatch();
              }
              if (i % 5_000 == 4_999) {
                flush(d, a, card);
              }
            }
            flush(d, a, card);
          }
          return open;
        });
  }

  private static void assign(PreparedStatement a, String id, String user, Instant at)
      throws SQLException {
    a.setString(1, id);
    a.setString(2, user);
    Jdbc.setInstant(a, 3, at);
    a.addBatch();
  }

  private static void flush(PreparedStatement... statements) throws SQLException {
    for (PreparedStatement s : statements) {
      s.executeBatch();
    }
  }

  private static long millis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
