package io.disputedesk.actions;

import io.disputedesk.actions.ActionGate.Verdict;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.Assignment;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Who owns a dispute: assign, reassign and unassign, for agents, from the card's buttons and the
 * slash command alike. Each change is audited, noted in the card's thread and redraws the card, in
 * one transaction; then the Home tabs of the old and new owner are republished in the background.
 * {@code intentKey} makes a repeated request post once.
 */
public final class Assignments {
  private static final String ASSIGN = "ASSIGN";
  private static final String UNASSIGN = "UNASSIGN";

  private final Database db;
  private final ActionGate gate;
  private final AssignmentStore store;
  private final ActionNotices notices;
  private final AuditLog audit;
  private final HomeRefresher homes;
  private final Clock clock;

  public Assignments(
      Database db,
      ActionGate gate,
      AssignmentStore store,
      ActionNotices notices,
      AuditLog audit,
      HomeRefresher homes,
      Clock clock) {
    this.db = db;
    this.gate = gate;
    this.store = store;
    this.notices = notices;
    this.audit = audit;
    this.homes = homes;
    this.clock = clock;
  }

  /**
   * What an assign or unassign did: the outcome for the person who asked, whether the owner
   * changed, and who owned the dispute before (null when no one did).
   */
  public record OwnerChange(ActionOutcome outcome, boolean changed, String previousOwner) {
    static OwnerChange refused(ActionOutcome refusal) {
      return new OwnerChange(refusal, false, null);
    }

    static OwnerChange unchanged(String message, String owner) {
      return new OwnerChange(ActionOutcome.of(Result.DONE, message), false, owner);
    }
  }

  /**
   * The refusal, audited, when {@code byUserId} may not assign the dispute (not an agent, or an
   * unknown dispute); empty when they may. For callers with checks of their own to run in between.
   */
  public Optional<ActionOutcome> refusalToAssign(String disputeId, String byUserId) {
    return refusal(disputeId, byUserId, ASSIGN, "Assign");
  }

  /** Makes {@code ownerId} the owner; {@code byUserId} may be the same person (Assign to me). */
  public OwnerChange assign(String disputeId, String ownerId, String byUserId, String intentKey) {
    Optional<ActionOutcome> refused = refusalToAssign(disputeId, byUserId);
    if (refused.isPresent()) {
      return OwnerChange.refused(refused.get());
    }
    OwnerChange change =
        db.atomically(
            () -> {
              Optional<Assignment> current = store.owner(disputeId);
              if (current.isPresent() && current.get().userId().equals(ownerId)) {
                return OwnerChange.unchanged(
                    (ownerId.equals(byUserId)
                            ? "You already own "
                            : "<@" + ownerId + "> already owns ")
                        + disputeId
                        + ".",
                    ownerId);
              }
              String previous =
                  store.assign(disputeId, ownerId, byUserId).map(Assignment::userId).orElse(null);
              record(
                  byUserId,
                  disputeId,
                  ASSIGN,
                  "to " + ownerId + (previous == null ? "" : " from " + previous));
              notices.note(
                  disputeId,
                  "assign:" + intentKey,
                  new ActionNote.Assigned(ownerId, byUserId, previous));
              notices.refreshCard(disputeId, "assign:" + intentKey);
              return new OwnerChange(ActionOutcome.of(Result.DONE, null), true, previous);
            });
    if (change.changed()) {
      homes.refreshFor(ownerId);
      refreshHome(change.previousOwner());
    }
    return change;
  }

  /** Removes the owner, if there is one. */
  public OwnerChange unassign(String disputeId, String byUserId, String intentKey) {
    Optional<ActionOutcome> refused = refusal(disputeId, byUserId, UNASSIGN, "Unassign");
    if (refused.isPresent()) {
      return OwnerChange.refused(refused.get());
    }
    OwnerChange change =
        db.atomically(
            () -> {
              String previous = store.owner(disputeId).map(Assignment::userId).orElse(null);
              if (previous == null || !store.unassign(disputeId)) {
                return OwnerChange.unchanged(disputeId + " has no owner.", null);
              }
              record(byUserId, disputeId, UNASSIGN, "from " + previous);
              notices.note(
                  disputeId, "assign:" + intentKey, new ActionNote.Unassigned(previous, byUserId));
              notices.refreshCard(disputeId, "assign:" + intentKey);
              return new OwnerChange(ActionOutcome.of(Result.DONE, null), true, previous);
            });
    if (change.changed()) {
      refreshHome(change.previousOwner());
    }
    return change;
  }

  /** Agents only, on a dispute we know; a refusal is audited. */
  private Optional<ActionOutcome> refusal(
      String disputeId, String byUserId, String action, String title) {
    Verdict verdict = gate.checkRole(byUserId, disputeId, Role.AGENT, action, title);
    gate.record(verdict);
    return Optional.ofNullable(verdict.refusal());
  }

  private void refreshHome(String userId) {
    if (userId != null) {
      homes.refreshFor(userId);
    }
  }

  private void record(String userId, String disputeId, String action, String summary) {
    audit.append(
        new AuditEntry(
            clock.instant(),
            Objects.requireNonNull(userId),
            disputeId,
            action,
            summary,
            "DONE",
            null,
            null));
  }
}
