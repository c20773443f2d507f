package io.disputedesk.jobs;

import io.disputedesk.ops.Retention;
import java.time.Clock;
import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Prunes old outbox rows, inbound keys and audit entries; scheduled daily. */
@DisallowConcurrentExecution
public final class RetentionJob implements Job {
  private final Retention retention;
  private final Clock clock;

  public RetentionJob(Retention retention, Clock clock) {
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void execute(JobExecutionContext context) {
    retention.run(clock.instant());
  }
}
