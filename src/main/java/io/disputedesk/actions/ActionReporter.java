package io.disputedesk.actions;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.NewTracker;
import io.disputedesk.sync.DisputeRefresher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the dispute card's thread what became of an action, and refreshes the card from PayPal now
 * and once more a few minutes later. Each report has a dedupe key per action and stage, so a
 * repeated report is posted once.
 */
public final class ActionReporter {
  private static final Logger log = LoggerFactory.getLogger(ActionReporter.class);

  private final ActionKinds kinds;
  private final ActionNotices notices;
  private final DisputeRefresher refresher;
  private final FollowUps followUps;
  private final RequestCodec codec;

  public ActionReporter(
      ActionKinds kinds,
      ActionNotices notices,
      DisputeRefresher refresher,
      FollowUps followUps,
      RequestCodec codec) {
    this.kinds = kinds;
    this.notices = notices;
    this.refresher = refresher;
    this.followUps = followUps;
    this.codec = codec;
  }

  ActionSubject subject(Action a) {
    return subject(a, List.of());
  }

  /** The action's subject, naming the files that went with it. */
  ActionSubject subject(Action a, List<String> fileNames) {
    ActionRequest request = codec.decode(a.kind(), a.requestJson());
    return new ActionSubject(
        a.requestedBy(),
        a.approvedBy(),
        kinds.title(a.kind()),
        kinds.details(request, a.amount(), fileNames),
        ActionIntent.ruleOf(a.intentKey()).orElse(null));
  }

  void succeeded(Action a, boolean moneyDelayed, String debugId, List<String> fileNames) {
    post(a, "done", new ActionNote.Succeeded(subject(a, fileNames), moneyDelayed, debugId));
  }

  void failed(Action a, String error, List<String> fileNames) {
    post(a, "done", new ActionNote.Failed(subject(a, fileNames), error));
  }

  void unclear(Action a) {
    post(a, "unclear", new ActionNote.Unclear(subject(a), followUps.delay()));
  }

  void confirmedLater(Action a, String evidence) {
    post(a, "done", new ActionNote.ConfirmedLater(subject(a), evidence));
  }

  void notDone(Action a, String why, boolean canRetry) {
    post(a, "done", new ActionNote.NotDone(subject(a), why, canRetry));
  }

  void unproven(Action a, String why) {
    post(a, "unproven", new ActionNote.Unproven(a.id(), subject(a), why));
  }

  void stillUnclear(Action a) {
    post(a, "still-unclear", new ActionNote.StillUnclear(a.id(), subject(a)));
  }

  void settledByHand(Action a, String userId, boolean happened) {
    post(a, "done", new ActionNote.SettledByHand(subject(a), userId, happened));
  }

  void trackerAdded(Action a, NewTracker t) {
    post(
        a,
        "tracker",
        new ActionNote.TrackerAdded(
            a.requestedBy(), Words.carrier(t.carrierName()), t.trackingNumber()));
  }

  void trackerFailed(Action a, NewTracker t, String why) {
    post(
        a,
        "tracker",
        new ActionNote.TrackerFailed(
            a.requestedBy(), Words.carrier(t.carrierName()), t.trackingNumber(), why));
  }

  void approvalRequested(Action a, String consequence, String why) {
    post(a, "approval", new ActionNote.ApprovalRequested(a.id(), subject(a), consequence, why));
  }

  void rejected(Action a, String decidedBy) {
    post(a, "closed", new ActionNote.Rejected(subject(a), decidedBy));
  }

  void cancelled(Action a, String reason) {
    post(a, "closed", new ActionNote.Cancelled(subject(a), reason));
  }

  /** The action's outcome was recorded; see {@link ActionNotices#settled}. */
  void settled(Action a) {
    notices.settled(a);
  }

  /** Re-reads the dispute now (the card follows) and again after the follow-up delay. */
  void refreshNowAndLater(String disputeId) {
    refreshNow(disputeId);
    followUps.later("refresh " + disputeId, () -> refreshNow(disputeId));
  }

  /** Re-reads the dispute now; a failure is logged, the next poll catches up. */
  void refreshNow(String disputeId) {
    try {
      refresher.refresh(disputeId);
    } catch (RuntimeException e) {
      log.warn("Could not refresh dispute {} after an action: {}", disputeId, e.getMessage());
    }
  }

  private void post(Action a, String stage, ActionNote note) {
    notices.note(a.disputeId(), "action:" + a.id() + ":" + stage, note);
  }
}
