package io.disputedesk.actions;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the actions no process is looking after: at start-up the UNKNOWN rows, and, then and on
 * every sweep, IN_FLIGHT rows whose lease ran out (their process stopped renewing it, longer ago
 * than any PayPal call can last). A row whose lease still runs belongs to a live process, here or
 * on another replica, and is left alone. Each is settled by reading its dispute; PayPal's action is
 * never called again.
 */
public final class ActionRecovery {
  private static final Logger log = LoggerFactory.getLogger(ActionRecovery.class);

  private final ActionStore actions;
  private final ActionAudit audit;
  private final Reconciler reconciler;
  private final FollowUps followUps;
  private final RequestCodec codec;
  private final Clock clock;

  public ActionRecovery(
      ActionStore actions,
      ActionAudit audit,
      Reconciler reconciler,
      FollowUps followUps,
      RequestCodec codec,
      Clock clock) {
    this.actions = actions;
    this.audit = audit;
    this.reconciler = reconciler;
    this.followUps = followUps;
    this.codec = codec;
    this.clock = clock;
  }

  /**
   * Start-up: the UNKNOWN rows, then a sweep. Returns how many actions it settled or re-checked.
   */
  int recover() {
    List<Action> unknown = actions.inState(ActionStatus.UNKNOWN);
    Instant now = clock.instant();
    for (Action a : unknown) {
      reconciler.check(a, settled(a, now), 0);
    }
    if (!unknown.isEmpty()) {
      log.info("Re-checking {} PayPal actions whose outcome is unknown", unknown.size());
    }
    return unknown.size() + sweep();
  }

  /** Takes over the IN_FLIGHT actions whose lease ran out; returns how many this process took. */
  int sweep() {
    Instant now = clock.instant();
    int taken = 0;
    for (Action a : actions.leaseExpired(now)) {
      String why = "its lease ran out at " + a.leaseUntil() + ": the process running it stopped";
      // A compare-and-set on the lease: a renewal or another replica's takeover wins over this one.
      if (!actions.takeOver(a.id(), now, why)) {
        continue;
      }
      taken++;
      log.info(
          "Action #{} on {} was left in flight ({}); settling it by reading the dispute",
          a.id(),
          a.disputeId(),
          why);
      audit.record(a, a.requestedBy(), "UNKNOWN", codec.details(a), null, why);
      reconciler.check(actions.find(a.id()).orElse(a), settled(a, now), 0);
    }
    return taken;
  }

  /** Began long enough ago that PayPal must show the effect by now if it happened. */
  private boolean settled(Action a, Instant now) {
    return Duration.between(a.began(), now).compareTo(followUps.delay()) >= 0;
  }
}
