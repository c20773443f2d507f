package io.disputedesk.actions;

import io.disputedesk.actions.ActionGate.Verdict;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.Assignment;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.slack.ActionMessages;
import io.disputedesk.slack.Notifier;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Who owns a dispute: assign, reassign and unassign, for agents. Each change is audited, noted in
 * the card's thread and redraws the card; {@code intentKey} makes a repeated click post once.
 */
public final class Assignments {
  private final ActionGate gate;
  private final AssignmentStore store;
  private final Notifier notifier;
  private final ActionMessages messages;
  private final AuditLog audit;
  private final Clock clock;

  public Assignments(ActionGate gate, AssignmentStore store, Notifier notifier, AuditLog audit, Clock clock) {
    this.gate = gate;
    this.store = store;
    this.notifier = notifier;
    this.messages = new ActionMessages();
    this.audit = audit;
    this.clock = clock;
  }

  /** Makes {@code ownerId} the owner; {@code byUserId} may be the same person (Assign to me). */
  public ActionOutcome assign(String disputeId, String ownerId, String byUserId, String intentKey) {
    Verdict verdict = gate.checkRole(byUserId, disputeId, Role.AGENT, "ASSIGN", "Assign");
    if (!verdict.allowed()) {
      gate.record(verdict);
      return verdict.refusal();
    }
    Optional<Assignment> current = store.owner(disputeId);
    if (current.isPresent() && current.get().userId().equals(ownerId)) {
      return ActionOutcome.of(Result.DONE, (ownerId.equals(byUserId) ? "You already own " : "<@" + ownerId
          + "> already owns ") + disputeId + ".");
    }
    String previous = store.assign(disputeId, ownerId, byUserId).map(Assignment::userId).orElse(null);
    record(byUserId, disputeId, "ASSIGN", "to " + ownerId + (previous == null ? "" : " from " + previous));
    notifier.threadReply(disputeId, "assign:" + intentKey, messages.assigned(ownerId, byUserId, previous));
    notifier.refreshCard(disputeId, "assign:" + intentKey);
    return ActionOutcome.of(Result.DONE, null);
  }

  public ActionOutcome unassign(String disputeId, String byUserId, String intentKey) {
    Verdict verdict = gate.checkRole(byUserId, disputeId, Role.AGENT, "UNASSIGN", "Unassign");
    if (!verdict.allowed()) {
      gate.record(verdict);
      return verdict.refusal();
    }
    String previous = store.owner(disputeId).map(Assignment::userId).orElse(null);
    if (previous == null || !store.unassign(disputeId)) {
      return ActionOutcome.of(Result.DONE, disputeId + " has no owner.");
    }
    record(byUserId, disputeId, "UNASSIGN", "from " + previous);
    notifier.threadReply(disputeId, "assign:" + intentKey, messages.unassigned(previous, byUserId));
    notifier.refreshCard(disputeId, "assign:" + intentKey);
    return ActionOutcome.of(Result.DONE, null);
  }

  private void record(String userId, String disputeId, String action, String summary) {
    audit.append(new AuditEntry(clock.instant(), Objects.requireNonNull(userId), disputeId, action, summary,
        "DONE", null, null));
  }
}
