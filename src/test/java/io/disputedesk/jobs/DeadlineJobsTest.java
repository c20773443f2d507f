package io.disputedesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.digest.DigestLedger;
import io.disputedesk.digest.DigestService;
import io.disputedesk.digest.DigestSettings;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.json.Json;
import io.disputedesk.reminders.ReminderLedger;
import io.disputedesk.reminders.ReminderService;
import io.disputedesk.slack.DigestBuilder;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.SlackDigestPublisher;
import io.disputedesk.slack.SlackReminderNotices;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;

/**
 * The digest cron in its zone across daylight-saving switches, and the catch-up job at start-up.
 */
class DeadlineJobsTest {
  @TempDir Path dir;

  @Test
  void nineInNewYorkFiresAtTheRightUtcInstantOnEachSideOfTheSwitches() throws ParseException {
    DigestSettings settings =
        new DigestSettings(LocalTime.of(9, 0), ZoneId.of("America/New_York"), true);
    CronExpression cron = new CronExpression(settings.cron());
    cron.setTimeZone(TimeZone.getTimeZone(settings.zone()));

    assertThat(settings.cron()).isEqualTo("0 0 9 ? * MON-FRI");
    assertThat(next(cron, "2026-03-05T15:00:00Z")).isEqualTo("2026-03-06T14:00:00Z"); // EST
    assertThat(next(cron, "2026-03-06T15:00:00Z"))
        .isEqualTo("2026-03-09T13:00:00Z"); // EDT, weekend skipped
    assertThat(next(cron, "2026-10-29T14:00:00Z")).isEqualTo("2026-10-30T13:00:00Z"); // EDT
    assertThat(next(cron, "2026-10-30T14:00:00Z")).isEqualTo("2026-11-02T14:00:00Z"); // EST
  }

  @Test
  void everyDayCronHasNoWeekdayField() {
    assertThat(new DigestSettings(LocalTime.of(17, 30), ZoneOffset.UTC, false).cron())
        .isEqualTo("0 30 17 * * ?");
  }

  @Test
  void catchUpAtStartUpSendsTodaysMissedDigest() {
    ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-20T11:30:00Z"));
    try (Database db = TestDatabases.open(dir, clock);
        JobScheduler scheduler = JobScheduler.inMemory("deadline-test", 2)) {
      OutboxStore outbox = new OutboxStore(db);
      Notifier notifier = new Notifier(outbox, Json.newMapper(), "C0DIGEST1", null);
      DisputeQueries queries = new DisputeQueries(db);
      DigestSettings settings = new DigestSettings(LocalTime.of(9, 0), ZoneOffset.UTC, false);
      DigestService digest =
          new DigestService(
              db,
              new DigestLedger(db),
              queries,
              new SlackDigestPublisher(
                  notifier,
                  new DigestBuilder(
                      new DisputeLines(new Permalinks(Optional::empty)), ZoneOffset.UTC)),
              settings,
              () -> true);
      ReminderService reminders =
          new ReminderService(
              db,
              queries,
              new ReminderLedger(db),
              new SlackReminderNotices(notifier),
              List.of(Duration.ofHours(24)));

      DeadlineJobs.schedule(scheduler, digest, settings, reminders, clock, Duration.ZERO);
      scheduler.start();

      Await.until("the catch-up digest", () -> !outbox.inState(OutboxRow.PENDING).isEmpty());
      assertThat(outbox.inState(OutboxRow.PENDING))
          .extracting(OutboxRow::dedupeKey)
          .containsExactly("message:digest:C0DIGEST1:2026-11-20");
    }
  }

  private static String next(CronExpression cron, String after) {
    Date next = cron.getNextValidTimeAfter(Date.from(Instant.parse(after)));
    return next.toInstant().toString();
  }
}
