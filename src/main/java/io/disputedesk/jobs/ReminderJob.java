package io.disputedesk.jobs;

import io.disputedesk.reminders.ReminderService;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One pass of deadline reminders. */
@DisallowConcurrentExecution
public final class ReminderJob implements Job {
  private final ReminderService reminders;
  private final Clock clock;

  public ReminderJob(ReminderService reminders, Clock clock) {
    this.reminders = reminders;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    reminders.run(clock.instant());
  }
}
