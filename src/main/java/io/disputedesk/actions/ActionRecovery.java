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
 * After a restart, settles the actions a previous run left open: IN_FLIGHT rows (the process died
 * mid-call) once they are a minute old, so a live replica's call is not disturbed, and UNKNOWN rows.
 * Each is settled by reading its dispute; PayPal's action is never called again.
 */
final class ActionRecovery {
  private static final Logger log = LoggerFactory.getLogger(ActionRecovery.class);
  /** An IN_FLIGHT row this old has outlived any PayPal call (client timeouts are far shorter). */
  static final Duration STUCK_AFTER = Duration.ofMinutes(1);

  private final ActionStore actions;
  private final ActionAudit audit;
  private final Reconciler reconciler;
  private final FollowUps followUps;
  private final RequestCodec codec;
  private final Clock clock;

  ActionRecovery(ActionStore actions, ActionAudit audit, Reconciler reconciler, FollowUps followUps,
      RequestCodec codec, Clock clock) {
    this.actions = actions;
    this.audit = audit;
    this.reconciler = reconciler;
    this.followUps = followUps;
    this.codec = codec;
    this.clock = clock;
  }

  int recover() {
    List<Action> unknown = actions.inState(ActionStatus.UNKNOWN);
    List<Action> inFlight = actions.inState(ActionStatus.IN_FLIGHT);
    Instant now = clock.instant();
    for (Action a : unknown) {
      reconciler.check(a, settled(a, now), 0);
    }
    for (Action a : inFlight) {
      Duration age = Duration.between(a.updatedAt(), now);
      if (age.compareTo(STUCK_AFTER) >= 0) {
        interrupted(a, now);
      } else {
        followUps.later("recover action #" + a.id(), () -> interrupted(a, clock.instant()), STUCK_AFTER.minus(age));
      }
    }
    if (!unknown.isEmpty() || !inFlight.isEmpty()) {
      log.info("Recovering {} unclear and {} interrupted PayPal actions", unknown.size(), inFlight.size());
    }
    return unknown.size() + inFlight.size();
  }

  private void interrupted(Action a, Instant now) {
    if (!actions.transition(a.id(), ActionStatus.IN_FLIGHT, ActionStatus.UNKNOWN, "interrupted by a restart",
        null, null)) {
      return;
    }
    audit.record(a, a.requestedBy(), "UNKNOWN",
        ActionSummary.details(codec.decode(a.kind(), a.requestJson()), a.amount()), null, "interrupted by a restart");
    reconciler.check(actions.find(a.id()).orElse(a), settled(a, now), 0);
  }

  /** Long enough ago that PayPal must show the effect by now if it happened. */
  private boolean settled(Action a, Instant now) {
    return Duration.between(a.updatedAt(), now).compareTo(followUps.delay()) >= 0;
  }
}
