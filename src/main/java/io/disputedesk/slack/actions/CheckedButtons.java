package io.disputedesk.slack.actions;

import com.slack.api.bolt.App;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.actions.ActionService;
import io.disputedesk.slack.ActionMessages;
import io.disputedesk.slack.Ids;

/**
 * "It happened" / "It did not happen" on a thread report of an action whose outcome could not be
 * proven (the button's value is the action id). Settling runs on the executor; when this click
 * settled it, the report loses its buttons.
 */
final class CheckedButtons {
  private final ActionService service;
  private final Notices notices;
  private final ActionMessages messages = new ActionMessages();
  private final StoredActionClicks clicks;

  CheckedButtons(ActionService service, Notices notices, StoredActionClicks clicks) {
    this.service = service;
    this.notices = notices;
    this.clicks = clicks;
  }

  void register(App app) {
    app.blockAction(
        Ids.CHECKED_HAPPENED,
        (req, ctx) ->
            clicks.handle(req.getPayload(), ctx, (c, id, text) -> settle(c, id, text, true)));
    app.blockAction(
        Ids.CHECKED_NOT_HAPPENED,
        (req, ctx) ->
            clicks.handle(req.getPayload(), ctx, (c, id, text) -> settle(c, id, text, false)));
  }

  private void settle(Click click, long actionId, String originalText, boolean happened) {
    ActionOutcome outcome = service.settleByHand(actionId, click.userId(), happened);
    boolean settled = outcome.result() == Result.SUCCEEDED || outcome.result() == Result.FAILED;
    if (settled && originalText != null) {
      notices.replaceOriginal(
          click, messages.checkedInPayPal(originalText, click.userId(), happened));
    }
    outcome.note().ifPresent(text -> notices.tell(click.channel(), click.userId(), text));
  }
}
