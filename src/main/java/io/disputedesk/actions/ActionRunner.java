package io.disputedesk.actions;

import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.paypal.ActionOutcomeUnknownException;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.ActionResult;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.paypal.UploadFile;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one IN_FLIGHT action to PayPal, once, with the row's PayPal-Request-Id, renewing the row's
 * lease while the call runs, then records and reports the result. Only the process whose
 * compare-and-set records the result reports it. An answer that never came is settled by {@link
 * Reconciler}, not by a resend.
 */
public final class ActionRunner {
  private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

  private final Database db;
  private final ActionKinds kinds;
  private final DisputeClients paypal;
  private final ActionStore actions;
  private final DisputeStore disputes;
  private final ActionAudit audit;
  private final ActionReporter reporter;
  private final Reconciler reconciler;
  private final ActionLease lease;
  private final TrackerStep trackers;
  private final Clock clock;

  public ActionRunner(
      Database db,
      ActionKinds kinds,
      DisputeClients paypal,
      ActionStore actions,
      DisputeStore disputes,
      ActionAudit audit,
      ActionReporter reporter,
      Reconciler reconciler,
      ActionLease lease,
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
    this.reconciler = reconciler;
    this.lease = lease;
    this.clock = clock;
  }

  /** Runs the action, which this caller owns (and holds the lease of) in status IN_FLIGHT. */
  ActionOutcome run(Action a, ActionRequest request, List<UploadFile> files) {
    List<String> names = files.stream().map(UploadFile::name).toList();
    String summary = kinds.details(request, a.amount(), names);
    String actor = a.approvedBy() == null ? a.requestedBy() : a.approvedBy();
    ActionResult result;
    try (ActionLease.Heartbeat beat = lease.hold(actions, a.id())) {
      result =
          paypal.forDispute(a.disputeId()).perform(a.disputeId(), request, files, a.requestId());
    } catch (ActionOutcomeUnknownException e) {
      return unclear(a, actor, summary, e.userMessage(), e.debugId(), e.getMessage());
    } catch (PayPalException e) {
      return failed(
          a,
          actor,
          summary,
          new ActionOutcome.Refusal(e.userMessage(), e.debugId(), e.problems()),
          e.getMessage(),
          names);
    } catch (IllegalArgumentException e) {
      // Refused by the client before anything was sent (e.g. a file over PayPal's limits).
      return failed(
          a,
          actor,
          summary,
          new ActionOutcome.Refusal(
              "The request was not valid: " + e.getMessage() + ".", null, List.of()),
          e.getMessage(),
          names);
    } catch (RuntimeException e) {
      log.error("Unexpected failure while sending action #{} to PayPal", a.id(), e);
      return unclear(
          a, actor, summary, "Unexpected error while talking to PayPal.", null, e.toString());
    }
    String outcome =
        result.isDelayed()
            ? "PayPal accepted it; money moves later (HTTP 202)"
            : "PayPal accepted it (HTTP " + result.httpStatus() + ")";
    // Recorded, audited and its note queued in one transaction, or none of it: a stop or a failure
    // in between would leave it done with no word of it in the thread, and nothing to say it later.
    Optional<Action> recorded =
        db.atomically(
            () -> {
              if (!record(a, ActionStatus.SUCCEEDED, outcome, result.debugId())) {
                return Optional.empty();
              }
              audit.record(a, actor, "SUCCEEDED", summary, result.debugId(), outcome);
              disputes.markFirstAction(a.disputeId(), clock.instant());
              Action d = reload(a);
              reporter.settled(d);
              reporter.succeeded(d, result.isDelayed(), result.debugId(), names);
              return Optional.of(d);
            });
    if (recorded.isEmpty()) {
      return lost(a, actor, summary, "SUCCEEDED", outcome);
    }
    Action done = recorded.get();
    trackers.evidenceDone(done);
    reporter.refreshNowAndLater(a.disputeId());
    return new ActionOutcome(Result.SUCCEEDED, null, done);
  }

  private ActionOutcome failed(
      Action a,
      String actor,
      String summary,
      ActionOutcome.Refusal refusal,
      String detail,
      List<String> names) {
    Optional<Action> recorded =
        db.atomically(
            () -> {
              if (!record(a, ActionStatus.FAILED, refusal.reason(), refusal.debugId())) {
                return Optional.empty();
              }
              audit.record(a, actor, "FAILED", summary, refusal.debugId(), detail);
              Action d = reload(a);
              reporter.settled(d);
              reporter.failed(d, refusal.reason(), names);
              return Optional.of(d);
            });
    if (recorded.isEmpty()) {
      return lost(a, actor, summary, "FAILED", detail);
    }
    Action done = recorded.get();
    trackers.evidenceNotDone(done);
    // A refusal often means the dispute moved on; show the card as PayPal has it now.
    reporter.refreshNow(a.disputeId());
    return new ActionOutcome(Result.FAILED, null, done, refusal);
  }

  private ActionOutcome unclear(
      Action a, String actor, String summary, String userMessage, String debugId, String detail) {
    if (!actions.transition(
        a.id(), ActionStatus.IN_FLIGHT, ActionStatus.UNKNOWN, userMessage, debugId, null)) {
      // Already taken over (and so being settled) elsewhere: that process reports.
      return lost(a, actor, summary, "UNKNOWN", detail);
    }
    audit.record(a, actor, "UNKNOWN", summary, debugId, detail);
    return reconciler.check(reload(a), false, 0);
  }

  /**
   * Records PayPal's answer. Should the row have been taken over meanwhile (it is UNKNOWN, being
   * settled by reading), the answer still settles it, and whoever records first reports.
   */
  private boolean record(Action a, ActionStatus to, String outcome, String debugId) {
    return actions.transition(a.id(), ActionStatus.IN_FLIGHT, to, outcome, debugId, null)
        || actions.transition(a.id(), ActionStatus.UNKNOWN, to, outcome, debugId, null);
  }

  /**
   * Another process settled the action first: it has reported, so this one stays silent in Slack.
   * PayPal's late word goes into the audit log, where a contradiction can be found.
   */
  private ActionOutcome lost(Action a, String actor, String summary, String wanted, String detail) {
    Action now = reload(a);
    log.warn(
        "Action #{} was settled elsewhere as {} before this process could record {} ({}); not reporting",
        a.id(),
        now.status(),
        wanted,
        detail);
    audit.record(
        a,
        actor,
        "LATE_ANSWER",
        summary,
        null,
        "PayPal's answer ("
            + wanted
            + ": "
            + detail
            + ") came after the action was settled elsewhere as "
            + now.status());
    return new ActionOutcome(Reconciler.resultOf(now.status()), null, now);
  }

  private Action reload(Action a) {
    return actions.find(a.id()).orElse(a);
  }
}
