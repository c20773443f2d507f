package io.disputedesk.slack;

import io.disputedesk.actions.ActionNote;
import io.disputedesk.actions.ActionNote.ApprovalRequested;
import io.disputedesk.actions.ActionNote.Assigned;
import io.disputedesk.actions.ActionNote.Cancelled;
import io.disputedesk.actions.ActionNote.ConfirmedLater;
import io.disputedesk.actions.ActionNote.Failed;
import io.disputedesk.actions.ActionNote.NotDone;
import io.disputedesk.actions.ActionNote.Rejected;
import io.disputedesk.actions.ActionNote.SettledByHand;
import io.disputedesk.actions.ActionNote.Snoozed;
import io.disputedesk.actions.ActionNote.StillUnclear;
import io.disputedesk.actions.ActionNote.Succeeded;
import io.disputedesk.actions.ActionNote.TrackerAdded;
import io.disputedesk.actions.ActionNote.TrackerFailed;
import io.disputedesk.actions.ActionNote.Unassigned;
import io.disputedesk.actions.ActionNote.Unclear;
import io.disputedesk.actions.ActionNote.Unproven;
import io.disputedesk.actions.ActionNote.Unsnoozed;
import io.disputedesk.actions.ActionNote.Woke;
import io.disputedesk.actions.ActionNotices;
import io.disputedesk.dispute.Action;

/**
 * The actions' notes as thread replies (ActionMessages, TrackerMessages, SnoozeMessages), queued by
 * the Notifier.
 */
public final class SlackActionNotices implements ActionNotices {
  private final Notifier notifier;
  private final DraftThread drafts;
  private final ActionMessages actions = new ActionMessages();
  private final ApprovalMessages approvals = new ApprovalMessages();
  private final TrackerMessages trackers = new TrackerMessages();
  private final SnoozeMessages snoozes = new SnoozeMessages();

  /** {@code drafts} follow the actions that send them. */
  public SlackActionNotices(Notifier notifier, DraftThread drafts) {
    this.notifier = notifier;
    this.drafts = drafts;
  }

  @Override
  public boolean note(String disputeId, String dedupeKey, ActionNote note) {
    return notifier.threadReply(disputeId, dedupeKey, post(note));
  }

  @Override
  public boolean refreshCard(String disputeId, String reason) {
    return notifier.refreshCard(disputeId, reason);
  }

  @Override
  public void settled(Action a) {
    drafts.followed(a);
  }

  /** The thread reply that says {@code note}. */
  SlackPost post(ActionNote note) {
    if (note instanceof Succeeded n) {
      return actions.succeeded(n.subject(), n.moneyDelayed(), n.debugId());
    }
    if (note instanceof Failed n) {
      return actions.failed(n.subject(), n.error());
    }
    if (note instanceof Unclear n) {
      return actions.outcomeUnclear(n.subject(), n.recheckIn());
    }
    if (note instanceof ConfirmedLater n) {
      return actions.confirmedLater(n.subject(), n.evidence());
    }
    if (note instanceof NotDone n) {
      return actions.notDone(n.subject(), n.why(), n.canRetry());
    }
    if (note instanceof Unproven n) {
      return actions.unproven(n.actionId(), n.subject(), n.why());
    }
    if (note instanceof StillUnclear n) {
      return actions.stillUnclear(n.actionId(), n.subject());
    }
    if (note instanceof SettledByHand n) {
      return actions.settledByHand(n.subject(), n.by(), n.happened());
    }
    if (note instanceof TrackerAdded n) {
      return trackers.added(n.requestedBy(), n.carrier(), n.trackingNumber());
    }
    if (note instanceof TrackerFailed n) {
      return trackers.failed(n.requestedBy(), n.carrier(), n.trackingNumber(), n.why());
    }
    if (note instanceof ApprovalRequested n) {
      return approvals.approvalRequest(n.actionId(), n.subject(), n.consequence(), n.why());
    }
    if (note instanceof Rejected n) {
      return actions.rejected(n.subject(), n.decidedBy());
    }
    if (note instanceof Cancelled n) {
      return actions.cancelled(n.subject(), n.reason());
    }
    if (note instanceof Assigned n) {
      return actions.assigned(n.owner(), n.by(), n.previousOwner());
    }
    if (note instanceof Unassigned n) {
      return actions.unassigned(n.previousOwner(), n.by());
    }
    if (note instanceof Snoozed n) {
      return snoozes.snoozed(n.snooze());
    }
    if (note instanceof Unsnoozed n) {
      return snoozes.unsnoozed(n.snooze(), n.by());
    }
    if (note instanceof Woke n) {
      return snoozes.woke(n.snooze(), n.sellerDue(), n.now());
    }
    throw new IllegalArgumentException("no words for " + note);
  }
}
