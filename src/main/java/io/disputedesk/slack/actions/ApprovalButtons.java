package io.disputedesk.slack.actions;

import com.slack.api.bolt.App;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.actions.ActionService;
import io.disputedesk.slack.ApprovalMessages;
import io.disputedesk.slack.ApprovalMessages.Decision;
import io.disputedesk.slack.Ids;
import java.util.EnumSet;
import java.util.Set;

/**
 * Approve and Reject on a request held for a second approver (the button's value is the action id).
 * The decision runs on the executor; when this click decided, the request message loses its
 * buttons.
 */
final class ApprovalButtons {
  private static final Set<Result> DECIDED_BY_APPROVAL =
      EnumSet.of(Result.SUCCEEDED, Result.FAILED, Result.UNKNOWN, Result.LINK_GONE, Result.CHANGED);

  private final ActionService service;
  private final Notices notices;
  private final ApprovalMessages messages = new ApprovalMessages();
  private final StoredActionClicks clicks;

  ApprovalButtons(ActionService service, Notices notices, StoredActionClicks clicks) {
    this.service = service;
    this.notices = notices;
    this.clicks = clicks;
  }

  void register(App app) {
    app.blockAction(
        Ids.APPROVE,
        (req, ctx) ->
            clicks.handle(req.getPayload(), ctx, (c, id, text) -> decide(c, id, text, true)));
    app.blockAction(
        Ids.REJECT,
        (req, ctx) ->
            clicks.handle(req.getPayload(), ctx, (c, id, text) -> decide(c, id, text, false)));
  }

  private void decide(Click click, long actionId, String originalText, boolean approve) {
    ActionOutcome outcome =
        approve
            ? service.approve(actionId, click.userId())
            : service.reject(actionId, click.userId());
    boolean decided =
        approve
            ? DECIDED_BY_APPROVAL.contains(outcome.result())
            : outcome.result() == Result.REJECTED;
    if (decided && outcome.action() != null && originalText != null) {
      Decision decision =
          !approve
              ? Decision.REJECTED
              : outcome.result() == Result.LINK_GONE
                  ? Decision.CANCELLED
                  : outcome.result() == Result.CHANGED ? Decision.CHANGED : Decision.APPROVED;
      notices.replaceOriginal(
          click,
          messages.approvalDecided(
              originalText, outcome.action().requestedBy(), click.userId(), decision));
    }
    outcome.note().ifPresent(text -> notices.tell(click.channel(), click.userId(), text));
  }
}
