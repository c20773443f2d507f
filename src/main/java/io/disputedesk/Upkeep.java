package io.disputedesk;

import io.disputedesk.config.Config;
import io.disputedesk.jobs.JobScheduler;
import io.disputedesk.jobs.RetentionJob;
import io.disputedesk.ops.Backlog;
import io.disputedesk.ops.Metrics;
import io.disputedesk.ops.Retention;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.sync.SetAside;
import io.disputedesk.sync.SetAsideStore;
import java.time.Clock;
import java.time.Duration;

/**
 * What keeps the bot from getting stuck or growing without end, as operators see it: the backlog of
 * set-aside disputes and failed Slack writes (in {@code /healthz} and the metrics), and the daily
 * prune of what is no longer needed.
 */
final class Upkeep {
  /** How many set-aside dispute ids /healthz lists (the count is always complete). */
  static final int HEALTH_IDS = 20;

  static final Duration RETENTION_EVERY = Duration.ofDays(1);

  /** The first prune runs this long after the first poll. */
  static final Duration RETENTION_AFTER_START = Duration.ofMinutes(2);

  private final SetAsideStore setAside;
  private final OutboxStore outbox;
  private final Retention retention;

  Upkeep(Config config, Stores stores, Metrics metrics) {
    this.setAside = new SetAsideStore(stores.db());
    this.outbox = stores.outbox();
    this.retention =
        new Retention(
            outbox,
            stores.inbound(),
            stores.audit(),
            Retention.Periods.withAudit(Duration.ofDays(config.auditRetentionDays())));
    metrics.disputesSetAside(setAside::count);
    metrics.outboxFailed(outbox::failedCount);
  }

  /** Disputes set aside by polls (the first few ids) and Slack writes given up on. */
  Backlog backlog() {
    return new Backlog(
        setAside.count(),
        setAside.list(HEALTH_IDS).stream().map(SetAside::disputeId).toList(),
        outbox.failedCount());
  }

  /** Schedules the daily prune, first {@code firstPollDelay} plus two minutes after start. */
  void schedule(JobScheduler jobs, Clock clock, Duration firstPollDelay) {
    jobs.every(
        "retention",
        RetentionJob.class,
        () -> new RetentionJob(retention, clock),
        RETENTION_EVERY,
        firstPollDelay.plus(RETENTION_AFTER_START));
  }
}
