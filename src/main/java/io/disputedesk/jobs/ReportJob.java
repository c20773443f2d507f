package io.disputedesk.jobs;

import io.disputedesk.insights.WeeklyReport;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Posts the weekly report if it is due and not yet posted (the cron at report time and the catch-up
 * check).
 */
@DisallowConcurrentExecution
public final class ReportJob implements Job {
  private final WeeklyReport report;
  private final Clock clock;

  public ReportJob(WeeklyReport report, Clock clock) {
    this.report = report;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    report.sendIfDue(clock.instant());
  }
}
