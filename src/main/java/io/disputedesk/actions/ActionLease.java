package io.disputedesk.actions;

import io.disputedesk.dispute.ActionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases on actions this process is running: a fresh lease for a new or approved action, and a
 * heartbeat that renews it while its PayPal call runs. Heartbeats have their own thread, so a slow
 * follow-up or a busy action pool never delays them.
 */
public final class ActionLease implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ActionLease.class);

  private final LeaseSettings settings;
  private final Clock clock;
  private final ScheduledExecutorService beats;

  private ActionLease(LeaseSettings settings, Clock clock, ScheduledExecutorService beats) {
    this.settings = settings;
    this.clock = clock;
    this.beats = beats;
  }

  /** Starts the heartbeat thread (a daemon). */
  public static ActionLease start(LeaseSettings settings, Clock clock) {
    ScheduledExecutorService beats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dd-action-heartbeat");
              t.setDaemon(true);
              return t;
            });
    return new ActionLease(settings, clock, beats);
  }

  public LeaseSettings settings() {
    return settings;
  }

  /** The end of a lease taken now. */
  Instant fromNow() {
    return clock.instant().plus(settings.length());
  }

  /** A heartbeat on the action until closed; the PayPal call runs inside it. */
  Heartbeat hold(ActionStore actions, long actionId) {
    long every = settings.heartbeat().toMillis();
    ScheduledFuture<?> beat;
    try {
      beat =
          beats.scheduleAtFixedRate(
              () -> renew(actions, actionId), every, every, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Shutting down: the lease taken with the action still outlasts the worst-case call.
      return () -> {};
    }
    return () -> beat.cancel(false);
  }

  private void renew(ActionStore actions, long actionId) {
    try {
      if (!actions.renewLease(actionId, fromNow())) {
        log.warn(
            "Action #{} is no longer in flight while its PayPal call runs; its lease was not renewed",
            actionId);
      }
    } catch (RuntimeException e) {
      // The lease outlasts the worst-case call, so a missed beat is not yet a takeover.
      log.warn("Could not renew the lease of action #{}: {}", actionId, e.getMessage());
    }
  }

  /** Stops renewing; call only after the actions being run have finished or been abandoned. */
  @Override
  public void close() {
    beats.shutdownNow();
  }

  /** Stops the heartbeat of one action. */
  interface Heartbeat extends AutoCloseable {
    @Override
    void close();
  }
}
