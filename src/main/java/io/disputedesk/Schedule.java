package io.disputedesk;

import io.disputedesk.actions.Snoozes;
import io.disputedesk.jobs.JobScheduler;
import io.disputedesk.jobs.PollJob;
import io.disputedesk.jobs.SnoozeJob;
import io.disputedesk.ops.PollAccounting;
import io.disputedesk.store.Database;
import java.time.Duration;

/**
 * The scheduled work: the poll, the digest, reminders and weekly report, snoozes that wake, and the
 * daily prune, each first run {@link RunOptions#firstPollDelay()} after start.
 */
final class Schedule {
  private Schedule() {}

  /** Schedules every job and starts the scheduler; it stops waiting for a running poll. */
  static void start(
      Core core,
      Database db,
      Warmup warmup,
      PollAccounting polls,
      QueueFeatures queue,
      Snoozes snoozes,
      Upkeep upkeep) {
    Duration firstRun = core.options().firstPollDelay();
    // Replicas share Quartz's clustered job store, so each poll, digest and reminder run happens on
    // one of them.
    JobScheduler jobs =
        db.isPostgres()
            ? JobScheduler.clustered("dispute-desk", db.dataSource(), 2)
            : JobScheduler.inMemory("dispute-desk", 2);
    jobs.countRunsIn(core.work());
    // The scheduled poll waits for the warm-up, briefly.
    jobs.every(
        "poll",
        PollJob.class,
        () -> new PollJob(warmup.before(polls)),
        core.config().schedule().pollInterval(),
        firstRun);
    queue.schedule(jobs, firstRun);
    jobs.every(
        SnoozeJob.NAME, SnoozeJob.class, () -> new SnoozeJob(snoozes), SnoozeJob.EVERY, firstRun);
    upkeep.schedule(jobs, core.clock(), firstRun);
    jobs.start();
    core.shutdown().then("scheduler", jobs::close);
  }
}
