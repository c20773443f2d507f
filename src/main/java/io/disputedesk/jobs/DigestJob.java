package io.disputedesk.jobs;

import io.disputedesk.digest.DigestService;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Sends today's digest if it is due and not yet sent (the cron at digest time and the catch-up
 * check).
 */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
  private final DigestService digest;
  private final Clock clock;

  public DigestJob(DigestService digest, Clock clock) {
    this.digest = digest;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    digest.sendIfDue(clock.instant());
  }
}
