package io.disputedesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.digest.DigestChannels;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.insights.ReportLedger;
import io.disputedesk.insights.ReportSettings;
import io.disputedesk.insights.Reports;
import io.disputedesk.insights.WeeklyReport;
import io.disputedesk.json.Json;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.SlackReportPublisher;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;

/** The weekly report's cron on its day in its zone, and its catch-up check at start-up. */
class ReportJobsTest {
  @TempDir Path dir;

  @Test
  void mondayAtNineInNewYorkFiresAtTheRightInstantOnEachSideOfTheSwitch() throws ParseException {
    ReportSettings settings =
        new ReportSettings(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("America/New_York"));
    CronExpression cron = new CronExpression(settings.cron());
    cron.setTimeZone(TimeZone.getTimeZone(settings.zone()));

    assertThat(next(cron, "2026-10-27T00:00:00Z"))
        .isEqualTo("2026-11-02T14:00:00Z"); // EST, after the switch
    assertThat(next(cron, "2026-10-20T00:00:00Z")).isEqualTo("2026-10-26T13:00:00Z"); // EDT
  }

  @Test
  void catchUpAtStartUpPostsTheMissedReportOfToday() {
    ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-23T11:30:00Z"));
    try (Database db = TestDatabases.open(dir, clock);
        JobScheduler scheduler = JobScheduler.inMemory("report-test", 2)) {
      OutboxStore outbox = new OutboxStore(db);
      Notifier notifier = new Notifier(outbox, Json.newMapper(), "C0DIGEST1", null);
      ReportSettings settings =
          new ReportSettings(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC);
      WeeklyReport report =
          new WeeklyReport(
              db,
              new ReportLedger(db),
              new Reports(new DisputeQueries(db), ZoneOffset.UTC),
              new SlackReportPublisher(notifier),
              settings,
              DigestChannels.single("C0DIGEST1"),
              () -> true);

      ReportJobs.schedule(scheduler, report, settings, clock, Duration.ZERO);
      scheduler.start();

      Await.until("the catch-up report", () -> !outbox.inState(OutboxRow.PENDING).isEmpty());
      assertThat(outbox.inState(OutboxRow.PENDING))
          .extracting(OutboxRow::dedupeKey)
          .containsExactly("file:weekly-report:C0DIGEST1:2026-11-23");
    }
  }

  private static String next(CronExpression cron, String after) {
    Date next = cron.getNextValidTimeAfter(Date.from(Instant.parse(after)));
    return next.toInstant().toString();
  }
}
