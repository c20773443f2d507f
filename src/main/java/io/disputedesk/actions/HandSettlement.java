package io.disputedesk.actions;

import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * A person who looked at the dispute in PayPal settles an action whose outcome the bot could not
 * prove: "it happened" records it done, "it did not happen" records it not done, which frees the
 * action to be tried again. A compare-and-set from UNKNOWN, so it settles once whoever clicks, and
 * audited; nothing is sent to PayPal. Money actions need an approver, the others an agent.
 */
public final class HandSettlement {
  private final Database db;
  private final ActionKinds kinds;
  private final ActionGate gate;
  private final ActionStore actions;
  private final DisputeStore disputes;
  private final ActionAudit audit;
  private final ActionReporter reporter;
  private final RequestCodec codec;
  private final Clock clock;

  public HandSettlement(
      Database db,
      ActionKinds kinds,
      ActionGate gate,
      ActionStore actions,
      DisputeStore disputes,
      ActionAudit audit,
      ActionReporter reporter,
      RequestCodec codec,
      Clock clock) {
    this.db = db;
    this.kinds = kinds;
    this.gate = gate;
    this.actions = actions;
    this.disputes = disputes;
    this.audit = audit;
    this.reporter = reporter;
    this.codec = codec;
    this.clock = clock;
  }

  ActionOutcome settle(long actionId, String userId, boolean happened) {
    Optional<Action> found = actions.find(actionId);
    if (found.isEmpty()) {
      return ActionOutcome.of(Result.NOT_FOUND, "That action no longer exists.");
    }
    Action a = found.get();
    Role role = kinds.of(a.kind()).role();
    if (!gate.has(userId, role)) {
      audit.record(a, userId, "DENIED", codec.details(a), null, "settling by hand needs " + role);
      String who = role == Role.APPROVER ? "approvers" : "agents and approvers";
      return new ActionOutcome(
          Result.DENIED,
          "Only "
              + who
              + " can record what happened to *"
              + kinds.title(a.kind())
              + "*. "
              + gate.howToGrant(role),
          a);
    }
    if (a.status() != ActionStatus.UNKNOWN) {
      return stale(a);
    }
    ActionStatus to = happened ? ActionStatus.SUCCEEDED : ActionStatus.FAILED;
    String outcome = (happened ? "done" : "not done") + ": checked in PayPal by " + userId;
    // Recorded, audited and said in the thread in one transaction, or none of it.
    Optional<Action> recorded =
        db.atomically(
            () -> {
              if (!actions.transition(a.id(), ActionStatus.UNKNOWN, to, outcome, null, null)) {
                return Optional.empty();
              }
              audit.record(
                  a, userId, to.name(), codec.details(a), null, "settled by hand: " + outcome);
              if (happened) {
                disputes.markFirstAction(a.disputeId(), clock.instant());
              }
              Action s = actions.find(a.id()).orElse(a);
              reporter.settled(s);
              reporter.settledByHand(s, userId, happened);
              return Optional.of(s);
            });
    if (recorded.isEmpty()) {
      return stale(actions.find(a.id()).orElse(a));
    }
    Action settled = recorded.get();
    reporter.refreshNow(a.disputeId());
    return new ActionOutcome(happened ? Result.SUCCEEDED : Result.FAILED, null, settled);
  }

  private ActionOutcome stale(Action a) {
    String how =
        a.status() == ActionStatus.SUCCEEDED
            ? "as done"
            : a.status() == ActionStatus.FAILED
                ? "as not done"
                : "(" + a.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    return new ActionOutcome(Result.STALE, "This action was already settled " + how + ".", a);
  }
}
