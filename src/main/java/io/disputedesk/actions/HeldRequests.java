package io.disputedesk.actions;

import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.store.Database;
import java.util.List;
import java.util.Optional;

/** Approves or rejects a request held for a second approver, at most once. */
final class HeldRequests {
  private final Database db;
  private final ActionKinds kinds;
  private final ActionGate gate;
  private final ActionStore actions;
  private final DisputeStore disputes;
  private final ActionLease lease;
  private final RequestCodec codec;
  private final ActionAudit audit;
  private final ActionReporter reporter;
  private final ActionRunner runner;

  HeldRequests(
      Database db,
      ActionKinds kinds,
      ActionGate gate,
      ActionStore actions,
      DisputeStore disputes,
      ActionLease lease,
      RequestCodec codec,
      ActionAudit audit,
      ActionReporter reporter,
      ActionRunner runner) {
    this.db = db;
    this.kinds = kinds;
    this.gate = gate;
    this.actions = actions;
    this.disputes = disputes;
    this.lease = lease;
    this.codec = codec;
    this.audit = audit;
    this.reporter = reporter;
    this.runner = runner;
  }

  /** A second approver approves a held request; it runs at most once however many click. */
  ActionOutcome approve(long actionId, String approverId) {
    Optional<Action> found = actions.find(actionId);
    if (found.isEmpty()) {
      return ActionOutcome.of(Result.NOT_FOUND, "That request no longer exists.");
    }
    Action a = found.get();
    if (a.status() != ActionStatus.AWAITING_APPROVAL) {
      return stale(a);
    }
    if (!gate.has(approverId, Role.APPROVER)) {
      audit.record(a, approverId, "DENIED", codec.details(a), null, "approval by a non-approver");
      return new ActionOutcome(
          Result.DENIED, "Only approvers can approve this. " + gate.howToGrant(Role.APPROVER), a);
    }
    if (approverId.equals(a.requestedBy())) {
      audit.record(
          a,
          approverId,
          "DENIED",
          codec.details(a),
          null,
          "requester tried to approve their own request");
      return new ActionOutcome(
          Result.DENIED, "You asked for this, so another approver has to approve it.", a);
    }
    Optional<StoredDispute> stored = disputes.find(a.disputeId());
    if (stored.isEmpty() || !stored.get().dispute().allows(a.kind())) {
      String reason =
          "PayPal no longer offers " + kinds.title(a.kind()).toLowerCase() + " on this dispute.";
      if (cancel(a, approverId, reason)) {
        reporter.refreshNow(a.disputeId());
      }
      return new ActionOutcome(Result.LINK_GONE, reason + " The request was cancelled.", reload(a));
    }
    Optional<String> changed = changedSinceRequest(a, stored.get());
    if (changed.isPresent()) {
      String reason = changed.get();
      cancel(a, approverId, reason);
      return new ActionOutcome(
          Result.CHANGED,
          reason + " The request was cancelled; nothing was sent to PayPal.",
          reload(a));
    }
    if (!actions.startApproved(a.id(), approverId, lease.fromNow())) {
      return stale(reload(a));
    }
    audit.record(a, approverId, "APPROVED", codec.details(a), null, null);
    Action running = reload(a);
    return runner.run(running, codec.decode(a.kind(), a.requestJson()), List.of());
  }

  /**
   * An approver turns a held request down, or its requester withdraws it; nothing reaches PayPal.
   */
  ActionOutcome reject(long actionId, String userId) {
    Optional<Action> found = actions.find(actionId);
    if (found.isEmpty()) {
      return ActionOutcome.of(Result.NOT_FOUND, "That request no longer exists.");
    }
    Action a = found.get();
    if (a.status() != ActionStatus.AWAITING_APPROVAL) {
      return stale(a);
    }
    boolean own = userId.equals(a.requestedBy());
    if (!own && !gate.has(userId, Role.APPROVER)) {
      audit.record(a, userId, "DENIED", codec.details(a), null, "rejection by a non-approver");
      return new ActionOutcome(
          Result.DENIED, "Only approvers can reject this. " + gate.howToGrant(Role.APPROVER), a);
    }
    ActionStatus to = own ? ActionStatus.CANCELLED : ActionStatus.REJECTED;
    String outcome = own ? "withdrawn by " + userId : "rejected by " + userId;
    // Closed, audited and said in the thread in one transaction, or none of it.
    Optional<Action> closed =
        db.atomically(
            () -> {
              if (!actions.transition(
                  a.id(), ActionStatus.AWAITING_APPROVAL, to, outcome, null, null)) {
                return Optional.empty();
              }
              audit.record(a, userId, to.name(), codec.details(a), null, outcome);
              Action c = reload(a);
              reporter.rejected(c, userId);
              return Optional.of(c);
            });
    if (closed.isEmpty()) {
      return stale(reload(a));
    }
    return new ActionOutcome(Result.REJECTED, null, closed.get());
  }

  /**
   * Cancels the held request, audited and said in the thread in one transaction, or none of it;
   * false when it was no longer held.
   */
  private boolean cancel(Action a, String userId, String reason) {
    return db.atomically(
        () -> {
          if (!actions.transition(
              a.id(), ActionStatus.AWAITING_APPROVAL, ActionStatus.CANCELLED, reason, null, null)) {
            return false;
          }
          audit.record(a, userId, "CANCELLED", codec.details(a), null, reason);
          reporter.cancelled(reload(a), reason);
          return true;
        });
  }

  /**
   * Why a held request may no longer run: the amounts or stage its requester saw have changed, or
   * the row does not say what they saw (held since before the bot recorded it).
   */
  private Optional<String> changedSinceRequest(Action a, StoredDispute stored) {
    if (a.seenJson() == null) {
      return Optional.of(
          "It was requested before the bot recorded which numbers the requester saw.");
    }
    SeenDispute seen;
    try {
      seen = codec.decodeSeen(a.seenJson());
    } catch (IllegalStateException e) {
      return Optional.of("I can no longer tell which numbers the requester saw.");
    }
    List<SeenDispute.Change> changes =
        seen.moneyChangesSince(stored.dispute(), "since it was requested");
    return changes.isEmpty() ? Optional.empty() : Optional.of(SeenDispute.sentences(changes));
  }

  /** The outcome for a request someone else already approved, rejected or withdrew. */
  private ActionOutcome stale(Action a) {
    String how =
        switch (a.status()) {
          case IN_FLIGHT, SUCCEEDED, UNKNOWN, FAILED ->
              "approved" + (a.approvedBy() == null ? "" : " by <@" + a.approvedBy() + ">");
          case REJECTED -> "rejected";
          case CANCELLED -> "cancelled";
          case AWAITING_APPROVAL -> "taken by someone else";
        };
    return new ActionOutcome(Result.STALE, "This request was already " + how + ".", a);
  }

  private Action reload(Action a) {
    return actions.find(a.id()).orElse(a);
  }
}
