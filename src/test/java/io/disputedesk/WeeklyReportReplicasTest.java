package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.jobs.ReportJobs;
import io.disputedesk.sim.slack.UploadedFile;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The weekly report with the whole bot: two replicas on one PostgreSQL database post it once to the
 * disputes channel, and a restart of both posts nothing more, although each start checks for it.
 */
@OnPostgres
class WeeklyReportReplicasTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.deferred(Replicas.options());

  private BotDesk desk;

  @BeforeEach
  void start(TestDatabase database) {
    desk = bot.startOn(database.url());
  }

  @Test
  void twoReplicasPostTheWeeklyReportOnceAndARestartPostsNothingMore() throws Exception {
    // A zone where it is about noon now: the report day cannot end while the test runs.
    Instant now = Instant.now();
    int hour = now.atOffset(ZoneOffset.UTC).getHour();
    ZoneOffset zone = ZoneOffset.ofHours(Math.max(-12, Math.min(14, 12 - hour)));
    Map<String, String> env =
        Map.of(
            "DIGEST_TIMEZONE",
            zone.getId(),
            "DIGEST_TIME",
            "00:00",
            "REPORT_DAY",
            now.atOffset(zone).getDayOfWeek().name());
    // The history goes in first, polled by hand (this replica's scheduled checks start an hour
    // later).
    RunningApp importer = desk.replica(BotDesk.fast(), env);
    assertThat(importer.pollNow().ok()).isTrue();
    Replicas.awaitQuiet(importer);
    importer.close();

    Instant started = Instant.now();
    RunningApp a = desk.replica(BotDesk.fast().withFirstPollDelay(Duration.ZERO), env);
    RunningApp b = desk.replica(BotDesk.fast().withFirstPollDelay(Duration.ZERO), env);
    Await.until("the weekly report in the channel", () -> !weeklyFiles().isEmpty(), Replicas.WAIT);
    awaitReportCheckSince(a, started);
    Replicas.awaitQuiet(a);
    Replicas.awaitQuiet(b);

    assertThat(weeklyFiles())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.mimetype()).isEqualTo("image/png");
              assertThat(f.initialComment())
                  .startsWith(":bar_chart: *Dispute report · Last 12 weeks*");
            });
    assertThat(fileRows(a))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(OutboxRow.SENT));

    a.close();
    b.close();
    Instant restarted = Instant.now();
    RunningApp c = desk.replica(BotDesk.fast().withFirstPollDelay(Duration.ZERO), env);
    awaitReportCheckSince(c, restarted);
    Replicas.awaitQuiet(c);

    assertThat(weeklyFiles()).hasSize(1);
    assertThat(fileRows(c)).hasSize(1);
    assertThat(count(c, "SELECT COUNT(*) FROM reports_sent")).isEqualTo(1);
  }

  @Test
  void theWeeklyReportGoesOnceToEachDigestChannelTheDefaultAndTheRoutedOnes() throws Exception {
    String routed = "C0BIGMONEY";
    desk.slack.addChannel(routed, "big-money");
    Instant now = Instant.now();
    int hour = now.atOffset(ZoneOffset.UTC).getHour();
    ZoneOffset zone = ZoneOffset.ofHours(Math.max(-12, Math.min(14, 12 - hour)));
    Map<String, String> env =
        Map.of(
            "DIGEST_TIMEZONE",
            zone.getId(),
            "DIGEST_TIME",
            "00:00",
            "REPORT_DAY",
            now.atOffset(zone).getDayOfWeek().name(),
            "ROUTES",
            "[{channel: " + routed + ", when: 500 USD}]");
    RunningApp importer = desk.replica(BotDesk.fast(), env);
    assertThat(importer.pollNow().ok()).isTrue();
    Replicas.awaitQuiet(importer);
    importer.close();

    Instant started = Instant.now();
    RunningApp a = desk.replica(BotDesk.fast().withFirstPollDelay(Duration.ZERO), env);
    RunningApp b = desk.replica(BotDesk.fast().withFirstPollDelay(Duration.ZERO), env);
    Await.until(
        "the weekly report in both channels",
        () -> !weeklyFiles(BotDesk.CHANNEL).isEmpty() && !weeklyFiles(routed).isEmpty(),
        Replicas.WAIT);
    awaitReportCheckSince(a, started);
    Replicas.awaitQuiet(a);
    Replicas.awaitQuiet(b);

    assertThat(weeklyFiles(BotDesk.CHANNEL))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.initialComment())
                    .startsWith(":bar_chart: *Dispute report · Last 12 weeks*"));
    assertThat(weeklyFiles(routed))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.initialComment())
                    .startsWith(":bar_chart: *Dispute report · Last 12 weeks*"));
    assertThat(count(a, "SELECT COUNT(*) FROM reports_sent")).isEqualTo(2);
    a.close();
    b.close();
  }

  private List<UploadedFile> weeklyFiles() {
    return weeklyFiles(BotDesk.CHANNEL);
  }

  private List<UploadedFile> weeklyFiles(String channel) {
    return desk.slack.uploadedFiles().stream()
        .filter(
            f -> channel.equals(f.channel()) && f.filename().startsWith("weekly-dispute-report-"))
        .toList();
  }

  private static List<OutboxRow> fileRows(RunningApp app) {
    return List.of(OutboxRow.SENT, OutboxRow.PENDING, OutboxRow.SENDING, OutboxRow.FAILED).stream()
        .flatMap(
            status -> new io.disputedesk.slack.OutboxStore(app.database()).inState(status).stream())
        .filter(r -> r.kind().equals(Notifier.FILE))
        .toList();
  }

  /**
   * Waits until the report's catch-up check has fired since {@code since} and finished (Quartz's
   * shared tables).
   */
  private static void awaitReportCheckSince(RunningApp app, Instant since) {
    Await.until(
        "a report check since " + since,
        () -> {
          long fired =
              count(
                  app,
                  "SELECT COALESCE(MAX(PREV_FIRE_TIME), 0) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '"
                      + ReportJobs.REPORT_CATCH_UP
                      + "'");
          long running =
              count(
                  app,
                  "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE TRIGGER_NAME = '"
                      + ReportJobs.REPORT_CATCH_UP
                      + "'");
          return fired >= since.toEpochMilli() && running == 0;
        },
        Replicas.WAIT);
  }

  private static long count(RunningApp app, String sql) {
    return app.database()
        .read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql);
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }
}
