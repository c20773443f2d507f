package io.disputedesk.actions;

import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles an action whose outcome is unknown by reading the dispute again, never by sending the
 * action again. Only the action's own trace in the dispute makes it done ({@link Effects}); when
 * none shows, it looks once more after the follow-up delay (PayPal can be minutes late), and only
 * then calls it not done, if the dispute shows that, or leaves it unknown and says so.
 */
public final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  /**
   * Reads of the dispute that may fail (PayPal down) before the thread is told to check by hand.
   */
  static final int MAX_READ_FAILURES = 5;

  private final Database db;
  private final ActionKinds kinds;
  private final DisputeClients paypal;
  private final ActionStore actions;
  private final DisputeStore disputes;
  private final ActionAudit audit;
  private final ActionReporter reporter;
  private final FollowUps followUps;
  private final RequestCodec codec;
  private final TrackerStep trackers;
  private final Clock clock;

  public Reconciler(
      Database db,
      ActionKinds kinds,
      DisputeClients paypal,
      ActionStore actions,
      DisputeStore disputes,
      ActionAudit audit,
      ActionReporter reporter,
      FollowUps followUps,
      RequestCodec codec,
      TrackerStep trackers,
      Clock clock) {
    this.db = db;
    this.kinds = kinds;
    this.trackers = trackers;
    this.paypal = paypal;
    this.actions = actions;
    this.disputes = disputes;
    this.audit = audit;
    this.reporter = reporter;
    this.followUps = followUps;
    this.codec = codec;
    this.clock = clock;
  }

  /**
   * Looks at the dispute for the UNKNOWN action. Without {@code lastLook}, anything short of proof
   * that it was done is said in the thread and looked at again after the follow-up delay.
   */
  ActionOutcome check(Action unknown, boolean lastLook, int readFailures) {
    Action a = actions.find(unknown.id()).orElse(unknown);
    if (a.status() != ActionStatus.UNKNOWN) {
      return new ActionOutcome(resultOf(a.status()), null, a);
    }
    Dispute after;
    try {
      after = paypal.forDispute(a.disputeId()).getDispute(a.disputeId());
    } catch (PayPalException e) {
      log.warn(
          "Could not re-read dispute {} to settle action #{}: {}",
          a.disputeId(),
          a.id(),
          e.getMessage());
      if (readFailures + 1 >= MAX_READ_FAILURES) {
        reporter.stillUnclear(a);
        audit.record(
            a,
            a.requestedBy(),
            "UNKNOWN",
            codec.details(a),
            e.debugId(),
            "gave up re-reading: " + e.getMessage());
        return new ActionOutcome(Result.UNKNOWN, null, a);
      }
      followUps.later("re-check action #" + a.id(), () -> check(a, lastLook, readFailures + 1));
      return new ActionOutcome(Result.UNKNOWN, null, a);
    }
    ActionRequest request = codec.decode(a.kind(), a.requestJson());
    Finding finding = Effects.judge(kinds.of(a.kind()), request, a.amount(), a.began(), after);
    if (finding.kind() == Finding.Kind.DONE) {
      return settle(
          a,
          ActionStatus.SUCCEEDED,
          "confirmed by re-reading: " + finding.detail(),
          settled -> {
            disputes.markFirstAction(a.disputeId(), clock.instant());
            reporter.confirmedLater(settled, finding.detail());
          },
          () -> {
            trackers.evidenceDone(reload(a));
            reporter.refreshNowAndLater(a.disputeId());
          });
    }
    if (!lastLook) {
      reporter.unclear(a);
      followUps.later("re-check action #" + a.id(), () -> check(a, true, 0));
      return new ActionOutcome(Result.UNKNOWN, null, a);
    }
    if (finding.kind() == Finding.Kind.NOT_DONE) {
      boolean offered = after.allows(a.kind());
      return settle(
          a,
          ActionStatus.FAILED,
          "not done: " + finding.detail(),
          settled -> reporter.notDone(settled, finding.detail(), offered),
          () -> {
            trackers.evidenceNotDone(reload(a));
            reporter.refreshNow(a.disputeId());
          });
    }
    // Nothing proves it either way: it stays unknown, and people are told to look in PayPal.
    actions.transition(
        a.id(),
        ActionStatus.UNKNOWN,
        ActionStatus.UNKNOWN,
        "unproven: " + finding.detail(),
        null,
        null);
    audit.record(
        a, a.requestedBy(), "UNKNOWN", codec.details(a), null, "unproven: " + finding.detail());
    reporter.unproven(reload(a), finding.detail());
    return new ActionOutcome(Result.UNKNOWN, null, reload(a));
  }

  /**
   * Records the outcome, audited, with what {@code report} queues (its note) in one transaction, so
   * a stop or a failure in between cannot leave it settled with no word of it in the thread (a
   * settled action is never looked at again); then runs {@code then}, which may call PayPal.
   */
  private ActionOutcome settle(
      Action a, ActionStatus to, String outcome, Consumer<Action> report, Runnable then) {
    boolean settled =
        db.atomically(
            () -> {
              if (!actions.transition(a.id(), ActionStatus.UNKNOWN, to, outcome, null, null)) {
                return false;
              }
              audit.record(a, a.requestedBy(), to.name(), codec.details(a), null, outcome);
              Action now = reload(a);
              reporter.settled(now);
              report.accept(now);
              return true;
            });
    if (!settled) {
      Action now = reload(a);
      return new ActionOutcome(resultOf(now.status()), null, now);
    }
    then.run();
    return new ActionOutcome(resultOf(to), null, reload(a));
  }

  private Action reload(Action a) {
    return actions.find(a.id()).orElse(a);
  }

  static Result resultOf(ActionStatus status) {
    return switch (status) {
      case SUCCEEDED -> Result.SUCCEEDED;
      case FAILED -> Result.FAILED;
      case AWAITING_APPROVAL -> Result.AWAITING_APPROVAL;
      case REJECTED -> Result.REJECTED;
      case CANCELLED -> Result.CANCELLED;
      case IN_FLIGHT, UNKNOWN -> Result.UNKNOWN;
    };
  }
}
