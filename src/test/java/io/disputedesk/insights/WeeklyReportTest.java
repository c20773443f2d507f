package io.disputedesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.digest.DigestChannels;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.json.Json;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.SlackReportPublisher;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The weekly report: on the report day after the report time, once per digest channel, whatever the
 * restarts, crashes and concurrent instances (on SQLite and on PostgreSQL).
 */
class WeeklyReportTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Monday 23 November 2026, 09:00 in Berlin. */
  private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");

  private static final List<String> CHANNELS = List.of("C0DIGEST1", "C0DIGEST2");

  private final ShiftableClock clock = new ShiftableClock(MONDAY_9);
  private final ObjectMapper mapper = Json.newMapper();
  private final AtomicBoolean polledOnce = new AtomicBoolean(true);
  private TestDatabase database;
  private Database db;

  @BeforeEach
  void open(TestDatabase database) {
    this.database = database;
    db = database.open(clock);
    new DisputeSeeds(db, clock)
        .dispute("PP-D-1")
        .amount("42.00", "USD")
        .created(MONDAY_9.minus(Duration.ofDays(9)))
        .resolved("RESOLVED_SELLER_FAVOUR", null, MONDAY_9.minus(Duration.ofDays(3)))
        .store();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private WeeklyReport service(Database on, Runnable wakeUp) {
    Notifier notifier = new Notifier(new OutboxStore(on), mapper, CHANNELS.get(0), wakeUp);
    return new WeeklyReport(
        on,
        new ReportLedger(on),
        new Reports(new DisputeQueries(on), BERLIN),
        new SlackReportPublisher(notifier),
        new ReportSettings(DayOfWeek.MONDAY, LocalTime.of(9, 0), BERLIN),
        new DigestChannels() {
          @Override
          public List<String> channels() {
            return CHANNELS;
          }

          @Override
          public DisputeScope scopeOf(String channel) {
            return DisputeScope.everything();
          }
        },
        polledOnce::get);
  }

  private List<OutboxRow> files() {
    return new OutboxStore(db)
        .inState(OutboxRow.PENDING).stream().filter(r -> r.kind().equals(Notifier.FILE)).toList();
  }

  @EachDatabase
  void goesOutOnTheReportDayAfterTheTimeOncePerChannel() throws Exception {
    WeeklyReport weekly = service(db, null);
    assertThat(weekly.sendIfDue(MONDAY_9.minus(Duration.ofDays(1))))
        .isEqualTo(WeeklyOutcome.NOT_TODAY);
    assertThat(weekly.sendIfDue(MONDAY_9.minusSeconds(1))).isEqualTo(WeeklyOutcome.NOT_YET);
    assertThat(files()).isEmpty();

    assertThat(weekly.sendIfDue(MONDAY_9)).isEqualTo(WeeklyOutcome.SENT);
    assertThat(weekly.sendIfDue(MONDAY_9.plus(Duration.ofHours(3))))
        .isEqualTo(WeeklyOutcome.ALREADY_SENT);

    assertThat(files())
        .extracting(OutboxRow::dedupeKey)
        .containsExactlyInAnyOrder(
            "file:weekly-report:C0DIGEST1:2026-11-23", "file:weekly-report:C0DIGEST2:2026-11-23");
    assertThat(files())
        .extracting(OutboxRow::channel)
        .containsExactlyInAnyOrderElementsOf(CHANNELS);
    JsonNode payload = mapper.readTree(files().get(0).payload());
    assertThat(payload.path("filename").asText())
        .isEqualTo("weekly-dispute-report-12w-2026-11-22.png");
    assertThat(payload.path("comment").asText())
        .startsWith(
            ":bar_chart: *Dispute report · Last 12 weeks* (31 Aug 2026 – 22 Nov 2026, Europe/Berlin)")
        .contains("1 opened · 1 resolved · win rate 100%", "Recovered 42.00 USD");
    byte[] png = Base64.getDecoder().decode(payload.path("content").asText());
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    // The next Monday is a new report.
    assertThat(weekly.sendIfDue(MONDAY_9.plus(Duration.ofDays(7)))).isEqualTo(WeeklyOutcome.SENT);
    assertThat(files()).hasSize(4);
  }

  @EachDatabase
  void waitsForTheFirstReadOfPayPal() {
    polledOnce.set(false);
    assertThat(service(db, null).sendIfDue(MONDAY_9))
        .isEqualTo(WeeklyOutcome.WAITING_FOR_FIRST_POLL);
    assertThat(files()).isEmpty();
    polledOnce.set(true);
    assertThat(service(db, null).sendIfDue(MONDAY_9.plusSeconds(300)))
        .isEqualTo(WeeklyOutcome.SENT);
  }

  @EachDatabase
  void twoInstancesAtOnceQueueOneReportPerChannel() throws Exception {
    try (Database other = database.open(clock)) {
      List<WeeklyReport> replicas = List.of(service(db, null), service(other, null));
      ExecutorService threads = Executors.newFixedThreadPool(2);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<WeeklyOutcome>> results = new ArrayList<>();
      for (WeeklyReport replica : replicas) {
        Callable<WeeklyOutcome> run =
            () -> {
              go.await();
              return replica.sendIfDue(MONDAY_9.plusSeconds(1));
            };
        results.add(threads.submit(run));
      }
      go.countDown();
      List<WeeklyOutcome> outcomes = new ArrayList<>();
      for (Future<WeeklyOutcome> f : results) {
        outcomes.add(f.get());
      }
      threads.shutdown();

      assertThat(outcomes).contains(WeeklyOutcome.SENT);
      assertThat(files())
          .extracting(OutboxRow::dedupeKey)
          .containsExactlyInAnyOrder(
              "file:weekly-report:C0DIGEST1:2026-11-23", "file:weekly-report:C0DIGEST2:2026-11-23");
    }
  }

  @EachDatabase
  void restartAfterSendingSendsNothingMore() {
    assertThat(service(db, null).sendIfDue(MONDAY_9.plusSeconds(5))).isEqualTo(WeeklyOutcome.SENT);
    db.close();
    db = database.open(clock);

    assertThat(service(db, null).sendIfDue(MONDAY_9.plusSeconds(600)))
        .isEqualTo(WeeklyOutcome.ALREADY_SENT);
    assertThat(files()).hasSize(2);
  }

  @EachDatabase
  void crashBetweenClaimAndQueueingLeavesTheDayUnclaimedSoTheRestartSendsIt() {
    // The process dies after the week is claimed and before the report reaches the outbox: the
    // database itself refuses the outbox write inside the same transaction.
    boolean pg = database.isPostgres();
    db.inTransaction(
        c -> {
          try (var st = c.createStatement()) {
            if (pg) {
              st.execute(
                  "CREATE FUNCTION crash_before_queueing() RETURNS trigger LANGUAGE plpgsql AS"
                      + " $$ BEGIN RAISE EXCEPTION 'process killed'; END $$");
              st.execute(
                  "CREATE TRIGGER crash_before_queueing BEFORE INSERT ON slack_outbox"
                      + " FOR EACH ROW EXECUTE FUNCTION crash_before_queueing()");
            } else {
              st.execute(
                  "CREATE TRIGGER crash_before_queueing BEFORE INSERT ON slack_outbox"
                      + " BEGIN SELECT RAISE(ABORT, 'process killed'); END");
            }
          }
          return null;
        });
    assertThatThrownBy(() -> service(db, null).sendIfDue(MONDAY_9.plusSeconds(5)))
        .hasStackTraceContaining("process killed");
    db.inTransaction(
        c -> {
          try (var st = c.createStatement()) {
            st.execute(
                pg
                    ? "DROP TRIGGER crash_before_queueing ON slack_outbox"
                    : "DROP TRIGGER crash_before_queueing");
            if (pg) {
              st.execute("DROP FUNCTION crash_before_queueing()");
            }
          }
          return null;
        });
    assertThat(files()).isEmpty();
    assertThat(new ReportLedger(db).claimed("C0DIGEST1", MONDAY_9.atZone(BERLIN).toLocalDate()))
        .isFalse();

    assertThat(service(db, null).sendIfDue(MONDAY_9.plusSeconds(60))).isEqualTo(WeeklyOutcome.SENT);
    assertThat(files()).hasSize(2);
  }
}
