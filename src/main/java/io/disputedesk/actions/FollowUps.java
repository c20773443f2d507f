package io.disputedesk.actions;

import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.concurrent.Pools;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.concurrent.Workload;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task once, a few minutes from now: the second card refresh after an action (PayPal can
 * take minutes to show a change) and the second look at an unclear outcome. Kept in memory on
 * purpose: after a restart the regular poll refreshes the cards anyway, and {@link ActionRecovery}
 * re-checks every unclear action, so persisting these would buy nothing. Also runs the periodic
 * sweep for actions whose lease ran out.
 */
public final class FollowUps implements AutoCloseable {
  /**
   * Follow-ups waiting at most; more are dropped (logged): the poll and the start-up recovery cover
   * them.
   */
  static final int MAX_WAITING = 10_000;

  private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

  private final ScheduledThreadPoolExecutor scheduler;
  private final Duration delay;
  private final int maxWaiting;

  private FollowUps(ScheduledThreadPoolExecutor scheduler, Duration delay, int maxWaiting) {
    this.scheduler = scheduler;
    this.delay = delay;
    this.maxWaiting = maxWaiting;
  }

  /** Starts a single daemon thread that runs each task {@code delay} after it was scheduled. */
  public static FollowUps start(Duration delay) {
    return start(delay, StartGate.OPEN);
  }

  /**
   * As {@link #start(Duration)}, each task, once due, started only when {@code gate} lets it (e.g.
   * after the acknowledgements in flight, for a short while at most).
   */
  public static FollowUps start(Duration delay, StartGate gate) {
    return start(delay, gate, new Workload());
  }

  /** As {@link #start(Duration, StartGate)}, each run counted in {@code work} while it runs. */
  public static FollowUps start(Duration delay, StartGate gate, Workload work) {
    return start(delay, MAX_WAITING, gate, work);
  }

  /** As {@link #start(Duration)}, with at most {@code maxWaiting} follow-ups waiting at once. */
  static FollowUps start(Duration delay, int maxWaiting) {
    return start(delay, maxWaiting, StartGate.OPEN, new Workload());
  }

  private static FollowUps start(Duration delay, int maxWaiting, StartGate gate, Workload work) {
    ScheduledThreadPoolExecutor scheduler =
        BoundedExecutors.scheduled("action-follow-ups", gate, work);
    scheduler.setRemoveOnCancelPolicy(true);
    return new FollowUps(scheduler, delay, maxWaiting);
  }

  public Duration delay() {
    return delay;
  }

  /** Runs {@code task} after the delay; {@code what} names it in the log if it fails. */
  void later(String what, Runnable task) {
    later(what, task, delay);
  }

  void later(String what, Runnable task, Duration after) {
    if (scheduler.isShutdown()) {
      return;
    }
    if (scheduler.getQueue().size() >= maxWaiting) {
      log.error("Follow-up '{}' dropped: {} follow-ups are already waiting", what, maxWaiting);
      return;
    }
    scheduler.schedule(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("Follow-up '{}' failed", what, e);
          }
        },
        Math.max(0, after.toMillis()),
        TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} every {@code period}, the first time one period from now. */
  public void every(String what, Runnable task, Duration period) {
    if (scheduler.isShutdown()) {
      return;
    }
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("Periodic task '{}' failed", what, e);
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Drops the tasks not yet run. */
  @Override
  public void close() {
    Pools.stopNow(scheduler, Duration.ofSeconds(2));
  }
}
