package io.disputedesk.actions;

import io.disputedesk.actions.ActionGate.Verdict;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.BeginResult;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.NewAction;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.store.Database;
import io.disputedesk.sync.DisputeRefresher;
import java.util.List;
import java.util.Optional;

/**
 * The one place PayPal actions are carried out. Checks the person's role and the dispute's current
 * links, holds money above the threshold for a second approver, records the action before calling
 * PayPal (so a repeated intent or a colleague's simultaneous one is refused), calls PayPal once,
 * and reports in the card's thread. Methods block until PayPal answers: callers run them on an
 * executor.
 */
public final class ActionService {
  private final Database db;
  private final ActionKinds kinds;
  private final ActionGate gate;
  private final ActionStore actions;
  private final ApprovalRule approvals;
  private final RequestCodec codec;
  private final ActionAudit audit;
  private final ActionReporter reporter;
  private final ActionRunner runner;
  private final ActionRecovery recovery;
  private final DisputeRefresher refresher;
  private final ActionLease lease;
  private final HandSettlement hand;
  private final TrackerStep trackers;
  private final HeldRequests held;

  /**
   * The service over its parts, each built once by the composition root: {@code gate} is shared
   * with snoozes and assignments; {@code runner} calls PayPal with each dispute's own account's
   * client; {@code trackers} keeps the tracking that evidence adds to PayPal.
   */
  public ActionService(
      Database db,
      ActionKinds kinds,
      ActionGate gate,
      ActionStore actions,
      DisputeStore disputes,
      ApprovalRule approvals,
      ActionLease lease,
      RequestCodec codec,
      ActionAudit audit,
      ActionReporter reporter,
      ActionRunner runner,
      ActionRecovery recovery,
      HandSettlement hand,
      TrackerStep trackers,
      DisputeRefresher refresher) {
    this.db = db;
    this.kinds = kinds;
    this.gate = gate;
    this.actions = actions;
    this.approvals = approvals;
    this.lease = lease;
    this.codec = codec;
    this.audit = audit;
    this.reporter = reporter;
    this.runner = runner;
    this.recovery = recovery;
    this.hand = hand;
    this.trackers = trackers;
    this.refresher = refresher;
    this.held =
        new HeldRequests(db, kinds, gate, actions, disputes, lease, codec, audit, reporter, runner);
  }

  /** The role, dispute and link checks, for a fast check before a modal opens. */
  public ActionGate gate() {
    return gate;
  }

  /**
   * Runs the person's request, or records it for a second approver; see {@link ActionOutcome}. A
   * money request runs only while the dispute is as the person's form showed it.
   */
  public ActionOutcome submit(ActionIntent intent) {
    ActionKind kind = kinds.of(intent.request());
    if (intent.tracker() != null && !kind.addsTracking()) {
      throw new IllegalArgumentException(
          "only evidence adds tracking to PayPal, not " + kind.action());
    }
    Verdict verdict =
        gate.check(
            intent.userId(),
            intent.disputeId(),
            kind,
            intent.seen() != null ? "since you opened the form" : "since the card was drawn");
    if (!verdict.allowed()) {
      gate.record(verdict);
      if (verdict.refusal().result() == Result.LINK_GONE) {
        reporter.refreshNow(intent.disputeId());
      }
      return verdict.refusal();
    }
    StoredDispute stored = verdict.dispute();
    if (kind.movesMoney()) {
      List<SeenDispute.Change> changes =
          SeenDispute.differences(intent.seen(), stored.dispute(), "since you opened the form");
      if (!changes.isEmpty()) {
        String what = SeenDispute.sentences(changes);
        gate.recordChanged(intent.userId(), intent.disputeId(), kind.action(), what);
        return ActionOutcome.of(
            Result.CHANGED,
            what
                + " Nothing was sent to PayPal: open the form again from the"
                + " card to see the current numbers.");
      }
    }
    Money amount = kind.amount(intent.request(), stored.dispute()).orElse(null);
    Optional<String> whyApproval = approvals.why(kind, intent.request(), amount);
    boolean needsApproval = whyApproval.isPresent();
    if (needsApproval && !intent.files().isEmpty()) {
      throw new IllegalArgumentException("requests that wait for approval cannot carry files");
    }
    // A held request is recorded with its request in the thread in one transaction, or not at
    // all: held with no request to approve, it would block the dispute's next one of its kind.
    BeginResult begun =
        db.atomically(
            () -> {
              BeginResult b =
                  actions.begin(
                      new NewAction(
                          intent.disputeId(),
                          kind.action(),
                          intent.intentKey(),
                          intent.userId(),
                          needsApproval ? ActionStatus.AWAITING_APPROVAL : ActionStatus.IN_FLIGHT,
                          amount,
                          codec.encode(intent.request()),
                          intent.seen() == null ? null : codec.encodeSeen(intent.seen())),
                      needsApproval ? null : lease.fromNow());
              if (!(b instanceof BeginResult.Started started)) {
                return b;
              }
              Action held = started.action();
              if (intent.tracker() != null) {
                trackers.plan(held, intent.tracker());
              }
              if (needsApproval) {
                audit.record(
                    held,
                    intent.userId(),
                    "AWAITING_APPROVAL",
                    codec.details(held),
                    null,
                    whyApproval.get());
                reporter.approvalRequested(
                    held, kind.consequence(intent.request(), amount), whyApproval.get());
              }
              return b;
            });
    if (begun instanceof BeginResult.AlreadyOpen open) {
      return alreadyOpen(intent, open.existing());
    }
    Action action = ((BeginResult.Started) begun).action();
    if (needsApproval) {
      return new ActionOutcome(
          Result.AWAITING_APPROVAL,
          "Your request is in the dispute's thread: it runs once"
              + " another approver approves it.",
          action);
    }
    return runner.run(action, intent.request(), intent.files());
  }

  /** A second approver approves a held request; it runs at most once however many click. */
  public ActionOutcome approve(long actionId, String approverId) {
    return held.approve(actionId, approverId);
  }

  /**
   * An approver turns a held request down, or its requester withdraws it; nothing reaches PayPal.
   */
  public ActionOutcome reject(long actionId, String userId) {
    return held.reject(actionId, userId);
  }

  /**
   * Someone checked the dispute in PayPal and says whether an action whose outcome stayed unknown
   * happened; it is recorded once (compare-and-set) and audited, and nothing is sent to PayPal.
   */
  public ActionOutcome settleByHand(long actionId, String userId, boolean happened) {
    return hand.settle(actionId, userId, happened);
  }

  /** Re-reads the dispute from PayPal now (the Refresh button). */
  public ActionOutcome refresh(String disputeId, String userId) {
    Verdict verdict = gate.checkRole(userId, disputeId, Role.AGENT, "REFRESH", "Refresh");
    if (!verdict.allowed()) {
      gate.record(verdict);
      return verdict.refusal();
    }
    try {
      refresher.refresh(disputeId);
      return ActionOutcome.of(Result.DONE, null);
    } catch (PayPalException e) {
      return ActionOutcome.of(
          Result.FAILED, "I couldn't refresh " + disputeId + " from PayPal: " + e.userMessage());
    }
  }

  /** Re-reads the dispute now, logging a failure (after a vanished link was noticed). */
  public void refreshNow(String disputeId) {
    reporter.refreshNow(disputeId);
  }

  /**
   * Start-up recovery: re-checks the actions left UNKNOWN and settles those left IN_FLIGHT whose
   * lease ran out, by reading their disputes again, never by calling PayPal's action again; then
   * the trackers left planned or half-sent. Returns how many it looked at.
   */
  public int recover() {
    return recovery.recover() + trackers.sweep();
  }

  /**
   * Settles IN_FLIGHT actions whose lease ran out (their process is gone), and trackers no process
   * is sending; run every heartbeat or so.
   */
  public int sweepExpiredLeases() {
    return recovery.sweep() + trackers.sweep();
  }

  private ActionOutcome alreadyOpen(ActionIntent intent, Action existing) {
    if (existing.intentKey().equals(intent.intentKey())) {
      audit.record(
          existing,
          intent.userId(),
          "DUPLICATE",
          codec.details(existing),
          null,
          "same intent " + intent.intentKey());
      return new ActionOutcome(Result.DUPLICATE, null, existing);
    }
    audit.record(
        existing,
        intent.userId(),
        "BUSY",
        codec.details(existing),
        null,
        "another " + existing.kind() + " is open: #" + existing.id());
    String state =
        switch (existing.status()) {
          case AWAITING_APPROVAL -> " (waiting for a second approver)";
          case UNKNOWN -> " (waiting to confirm PayPal's answer)";
          default -> "";
        };
    String who =
        existing.requestedBy().equals(intent.userId())
            ? "you"
            : "<@" + existing.requestedBy() + ">";
    return new ActionOutcome(
        Result.BUSY,
        "*"
            + kinds.title(existing.kind())
            + "* on "
            + existing.disputeId()
            + " is already being handled by "
            + who
            + state
            + ". Nothing else was sent to PayPal.",
        existing);
  }
}
