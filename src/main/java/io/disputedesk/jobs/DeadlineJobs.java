package io.disputedesk.jobs;

import io.disputedesk.digest.DigestService;
import io.disputedesk.digest.DigestSettings;
import io.disputedesk.reminders.ReminderService;
import java.time.Clock;
import java.time.Duration;
import java.util.TimeZone;

/**
 * Schedules the digest and the reminders: the digest by cron at its local time (Quartz applies the
 * zone's daylight-saving rules) plus a catch-up check at start-up and every few minutes, so a
 * digest missed while the bot was down goes out once when it is back the same day; reminders every
 * few minutes. The ledgers make every extra run harmless.
 */
public final class DeadlineJobs {
  public static final String DIGEST_CRON = "digest-cron";
  public static final String DIGEST_CATCH_UP = "digest-catch-up";
  public static final String REMINDERS = "reminders";
  static final Duration CATCH_UP_EVERY = Duration.ofMinutes(5);
  static final Duration REMINDERS_EVERY = Duration.ofMinutes(5);

  private DeadlineJobs() {}

  /** {@code startDelay} is when the first catch-up check and reminder pass run after start. */
  public static void schedule(
      JobScheduler scheduler,
      DigestService digest,
      DigestSettings settings,
      ReminderService reminders,
      Clock clock,
      Duration startDelay) {
    scheduler.cron(
        DIGEST_CRON,
        DigestJob.class,
        () -> new DigestJob(digest, clock),
        settings.cron(),
        TimeZone.getTimeZone(settings.zone()));
    scheduler.every(
        DIGEST_CATCH_UP,
        DigestJob.class,
        () -> new DigestJob(digest, clock),
        CATCH_UP_EVERY,
        startDelay);
    scheduler.every(
        REMINDERS,
        ReminderJob.class,
        () -> new ReminderJob(reminders, clock),
        REMINDERS_EVERY,
        startDelay);
  }
}
