package io.disputedesk.jobs;

import io.disputedesk.sync.DisputeSync;
import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Polls PayPal for changed disputes; never two polls at once. */
@DisallowConcurrentExecution
public final class PollJob implements Job {
  private final DisputeSync sync;

  public PollJob(DisputeSync sync) {
    this.sync = Objects.requireNonNull(sync, "sync");
  }

  @Override
  public void execute(JobExecutionContext context) {
    // Failures are logged and recorded by the sync itself; the next run catches up.
    sync.poll();
  }
}
