package io.disputedesk.jobs;

import io.disputedesk.actions.Snoozes;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Wakes the snoozed disputes whose time came or whose deadline is near (polls also check after each
 * run).
 */
@DisallowConcurrentExecution
public final class SnoozeJob implements Job {
  public static final String NAME = "snooze-wake";
  public static final Duration EVERY = Duration.ofMinutes(1);

  private final Snoozes snoozes;

  public SnoozeJob(Snoozes snoozes) {
    this.snoozes = snoozes;
  }

  @Override
  public void execute(JobExecutionContext context) {
    snoozes.wakeDue();
  }
}
