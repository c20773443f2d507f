package io.disputedesk.jobs;

import io.disputedesk.insights.ReportSettings;
import io.disputedesk.insights.WeeklyReport;
import java.time.Clock;
import java.time.Duration;
import java.util.TimeZone;

/**
 * Schedules the weekly report like the digest: a cron on the report day at the report time in its
 * zone, and a catch-up check at start-up and every few minutes; the ledger makes extra runs
 * harmless.
 */
public final class ReportJobs {
  public static final String REPORT_CRON = "report-cron";
  public static final String REPORT_CATCH_UP = "report-catch-up";
  static final Duration CATCH_UP_EVERY = Duration.ofMinutes(5);

  private ReportJobs() {}

  /** {@code startDelay} is when the first catch-up check runs after start. */
  public static void schedule(
      JobScheduler scheduler,
      WeeklyReport report,
      ReportSettings settings,
      Clock clock,
      Duration startDelay) {
    scheduler.cron(
        REPORT_CRON,
        ReportJob.class,
        () -> new ReportJob(report, clock),
        settings.cron(),
        TimeZone.getTimeZone(settings.zone()));
    scheduler.every(
        REPORT_CATCH_UP,
        ReportJob.class,
        () -> new ReportJob(report, clock),
        CATCH_UP_EVERY,
        startDelay);
  }
}
