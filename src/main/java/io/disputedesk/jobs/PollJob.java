package io.disputedesk.jobs;

import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.PollResult;
import java.util.Objects;
import java.util.function.Supplier;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Polls PayPal for changed disputes; never two polls at once. */
@DisallowConcurrentExecution
public final class PollJob implements Job {
  private final Supplier<PollResult> poll;

  public PollJob(DisputeSync sync) {
    this(sync::poll);
  }

  /** A job running {@code poll}, e.g. the sync's poll plus the app's accounting of it. */
  public PollJob(Supplier<PollResult> poll) {
    this.poll = Objects.requireNonNull(poll, "poll");
  }

  @Override
  public void execute(JobExecutionContext context) {
    // Failures are logged and recorded by the sync itself; the next run catches up.
    poll.get();
  }
}
