package io.disputedesk.actions;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.order.TrackerAddition;
import io.disputedesk.order.TrackerAddition.Status;
import io.disputedesk.order.TrackerAdditionStore;
import io.disputedesk.paypal.ActionOutcomeUnknownException;
import io.disputedesk.paypal.NewTracker;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.paypal.ShipmentTracking;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of an evidence action that also adds its tracking to PayPal ({@code POST
 * /v1/shipping/trackers}): planned with the action, sent once after the evidence went through
 * (claimed first, with the plan's own PayPal-Request-Id), audited and reported in the thread. A
 * tracker PayPal refuses never undoes the evidence; evidence that did not go through drops it.
 */
public final class TrackerStep {
  /**
   * Longer than any PayPal call lasts: a claim older than this belongs to a process that stopped.
   */
  static final Duration CLAIM = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(TrackerStep.class);

  private final Database db;
  private final TrackerAdditionStore store;
  private final ActionStore actions;
  private final DisputeClients paypal;
  private final ActionAudit audit;
  private final ActionReporter reporter;
  private final Consumer<String> trackersChanged;
  private final Clock clock;

  /**
   * {@code trackersChanged} is told the dispute id once PayPal holds a new tracker (order facts
   * follow).
   */
  public TrackerStep(
      Database db,
      TrackerAdditionStore store,
      ActionStore actions,
      DisputeClients paypal,
      ActionAudit audit,
      ActionReporter reporter,
      Consumer<String> trackersChanged,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.actions = actions;
    this.paypal = paypal;
    this.audit = audit;
    this.reporter = reporter;
    this.trackersChanged = trackersChanged;
    this.clock = clock;
  }

  /** Records the tracker to add once the action's evidence went through. */
  void plan(Action a, NewTracker tracker) {
    store.plan(a.id(), a.disputeId(), tracker);
    audit.record(
        a,
        a.requestedBy(),
        "TRACKER_PLANNED",
        describe(tracker),
        null,
        "add to PayPal once the evidence went through");
  }

  /**
   * The action's evidence went through: sends its planned tracker, unless another process has it.
   */
  void evidenceDone(Action a) {
    Optional<TrackerAddition> planned = store.find(a.id());
    if (planned.isEmpty()) {
      return;
    }
    boolean resumed = planned.get().status() == Status.SENDING;
    Instant now = clock.instant();
    if (!store.claim(a.id(), now, now.plus(CLAIM))) {
      return;
    }
    send(a, planned.get(), resumed);
  }

  /** The action's evidence did not go through: nothing is added. */
  void evidenceNotDone(Action a) {
    store
        .find(a.id())
        .filter(t -> store.drop(a.id(), "the evidence did not go through"))
        .ifPresent(
            t ->
                audit.record(
                    a,
                    a.requestedBy(),
                    "TRACKER_DROPPED",
                    describe(t.tracker()),
                    null,
                    "the evidence did not go through (" + a.status() + ")"));
  }

  /**
   * Settles the trackers no process is looking after: sent when their evidence went through
   * (checking first whether a stopped sender got it to PayPal), dropped when it did not, left while
   * the evidence is still open. Returns how many it settled.
   */
  int sweep() {
    int settled = 0;
    for (long id : store.unsettled(clock.instant())) {
      Optional<Action> action = actions.find(id);
      if (action.isEmpty()) {
        continue;
      }
      Action a = action.get();
      if (a.status() == ActionStatus.SUCCEEDED) {
        evidenceDone(a);
        settled++;
      } else if (a.status() == ActionStatus.FAILED
          || a.status() == ActionStatus.CANCELLED
          || a.status() == ActionStatus.REJECTED) {
        evidenceNotDone(a);
        settled++;
      }
    }
    return settled;
  }

  private void send(Action a, TrackerAddition t, boolean resumed) {
    ShipmentTracking tracking;
    try {
      tracking = new ShipmentTracking(paypal.forDispute(a.disputeId()));
      if (resumed && heldByPayPal(tracking, t.tracker())) {
        added(a, t, null, "found at PayPal after the process sending it stopped");
        return;
      }
      tracking.add(t.tracker(), t.requestId());
    } catch (ActionOutcomeUnknownException e) {
      if (heldByPayPal(t)) {
        added(a, t, e.debugId(), "PayPal's answer was lost, but it holds the tracker");
      } else {
        failed(
            a,
            t,
            "PayPal did not answer in time and does not show the tracking.",
            e.debugId(),
            e.getMessage());
      }
      return;
    } catch (PayPalException e) {
      failed(a, t, e.userMessage(), e.debugId(), e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      failed(a, t, "PayPal would not take it: " + e.getMessage() + ".", null, e.getMessage());
      return;
    }
    added(a, t, null, "PayPal added it");
  }

  /**
   * Settled, audited and said in the thread in one transaction, or none of it: settled with no
   * note, the thread would never hear of it (a settled tracker is not looked at again).
   */
  private void added(Action a, TrackerAddition t, String debugId, String detail) {
    boolean settled =
        db.atomically(
            () -> {
              if (!store.settle(a.id(), Status.ADDED, detail, debugId)) {
                return false;
              }
              audit.record(
                  a, a.requestedBy(), "TRACKER_ADDED", describe(t.tracker()), debugId, detail);
              reporter.trackerAdded(a, t.tracker());
              return true;
            });
    if (settled) {
      trackersChanged.accept(a.disputeId());
    }
  }

  private void failed(Action a, TrackerAddition t, String why, String debugId, String detail) {
    boolean settled =
        db.atomically(
            () -> {
              if (!store.settle(a.id(), Status.FAILED, why, debugId)) {
                return false;
              }
              audit.record(
                  a, a.requestedBy(), "TRACKER_FAILED", describe(t.tracker()), debugId, detail);
              reporter.trackerFailed(a, t.tracker(), why);
              return true;
            });
    if (settled) {
      log.warn(
          "Adding the tracker of action #{} on {} to PayPal failed (debug_id {}): {}",
          a.id(),
          a.disputeId(),
          debugId,
          detail);
    }
  }

  private boolean heldByPayPal(TrackerAddition t) {
    try {
      return heldByPayPal(new ShipmentTracking(paypal.forDispute(t.disputeId())), t.tracker());
    } catch (PayPalException e) {
      return false;
    }
  }

  private static boolean heldByPayPal(ShipmentTracking tracking, NewTracker t) {
    try {
      return tracking.trackers(t.transactionId()).stream()
          .anyMatch(held -> t.trackingNumber().equals(held.trackingNumber()) && !held.isReturn());
    } catch (PayPalException e) {
      log.info(
          "Could not read the trackers of {} to see whether a tracker landed: {}",
          t.transactionId(),
          e.getMessage());
      return false;
    }
  }

  private static String describe(NewTracker t) {
    return "tracking "
        + t.carrierName()
        + " "
        + t.trackingNumber()
        + " for transaction "
        + t.transactionId();
  }
}
