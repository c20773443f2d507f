package io.disputedesk;

import static io.disputedesk.dispute.ActionStatus.IN_FLIGHT;

import io.disputedesk.concurrent.Workload;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.sync.AccountPolls;
import io.disputedesk.sync.DisputeRefresher;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.PollResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started bot: where it listens, a way to poll now, and a clean stop. */
public final class RunningApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunningApp.class);

  private final int port;
  private final AccountPolls sync;
  private final DisputeRefresher refresher;
  private final Supplier<PollResult> poll;
  private final com.slack.api.bolt.App bolt;
  private final Database db;
  private final OutboxStore outbox;
  private final Shutdown shutdown;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Workload work;
  private final BooleanSupplier requestsIdle;
  private final ActionStore actions;
  private volatile Warmup warmup;

  RunningApp(
      int port,
      AccountPolls sync,
      DisputeRefresher refresher,
      Supplier<PollResult> poll,
      Database db,
      OutboxStore outbox,
      Shutdown shutdown,
      com.slack.api.bolt.App bolt,
      Workload work,
      BooleanSupplier requestsIdle,
      ActionStore actions) {
    this.bolt = bolt;
    this.work = work;
    this.requestsIdle = requestsIdle;
    this.actions = actions;
    this.port = port;
    this.sync = sync;
    this.refresher = refresher;
    this.poll = poll;
    this.db = db;
    this.outbox = outbox;
    this.shutdown = shutdown;
  }

  /**
   * What the warm-up after start went through, once it is over (waits up to 30 s); empty when it
   * failed.
   */
  Optional<Warmup.Done> warmup() {
    return warmup.await(Duration.ofSeconds(30));
  }

  /**
   * Waits up to {@code wait} for the warm-up that runs in the background after start; true when it
   * is over. The scheduled first poll comes after it (or after a short wait); one run by hand at
   * once after the start would compete with it.
   */
  public boolean awaitWarmup(Duration wait) {
    return warmup.await(wait).isPresent();
  }

  RunningApp warmingUp(Warmup running) {
    this.warmup = running;
    return this;
  }

  /** The HTTP port serving {@code POST /slack/events}. */
  public int port() {
    return port;
  }

  /** Polls PayPal now, on the calling thread (waits for a poll already running). */
  public PollResult pollNow() {
    return poll.get();
  }

  /**
   * Re-reads single disputes for features that act on them (buttons, webhooks), as the Refresh
   * button does.
   */
  public DisputeRefresher refresher() {
    return refresher;
  }

  /** The Bolt app with every handler registered (for checks against the Slack manifest). */
  com.slack.api.bolt.App bolt() {
    return bolt;
  }

  /** The first account's sync. */
  DisputeSync sync() {
    return sync.sync(null);
  }

  /** Every account's polls and refreshes. */
  AccountPolls accounts() {
    return sync;
  }

  Database database() {
    return db;
  }

  /** Slack writes not yet delivered (queued or in flight). */
  public int outboxBacklog() {
    return outbox.pendingCount() + outbox.inState(OutboxRow.SENDING).size();
  }

  /**
   * What the bot is doing now: a positive sign that it is idle, for whatever waits until the work
   * it was given is done (a drain before a deploy, a test before it checks that nothing more
   * happened).
   */
  public Activity activity() {
    return Activity.look(
        work, requestsIdle, this::outboxBacklog, () -> actions.inState(IN_FLIGHT).size());
  }

  /**
   * Stops one part of the bot (a step of {@link #close()}, e.g. {@code "rules"}) as the stop would,
   * leaving the rest running: what a process that dies at that point leaves behind.
   */
  void stopOnly(String step) {
    if (!shutdown.runOnly(step)) {
      throw new IllegalArgumentException("No stop step " + step);
    }
  }

  /**
   * Stops taking Slack requests, stops the scheduler (waiting for a running poll), lets the Slack
   * sender deliver what it can within the grace period, and closes the database. Safe to call
   * twice.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        shutdown.run();
        log.info("Dispute Desk stopped");
      } finally {
        stopped.countDown();
      }
    }
  }

  /** Blocks until {@link #close()} has finished (e.g. from the SIGTERM hook). */
  public void awaitClosed() throws InterruptedException {
    stopped.await();
  }
}
