package io.disputedesk.slack.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.actions.ActionService;
import io.disputedesk.slack.ActionMessages;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Ids;

/**
 * "It happened" / "It did not happen" on a thread report of an action whose outcome could not be
 * proven (the button's value is the action id). Settling runs on the executor; when this click
 * settled it, the report loses its buttons.
 */
final class CheckedButtons {
  private final ActionService service;
  private final CardStore cards;
  private final Notices notices;
  private final ActionMessages messages = new ActionMessages();
  private final AfterAck after;
  private final String defaultChannel;

  CheckedButtons(
      ActionService service,
      CardStore cards,
      Notices notices,
      AfterAck after,
      String defaultChannel) {
    this.service = service;
    this.cards = cards;
    this.notices = notices;
    this.after = after;
    this.defaultChannel = defaultChannel;
  }

  void register(App app) {
    app.blockAction(Ids.CHECKED_HAPPENED, (req, ctx) -> settle(req.getPayload(), ctx, true));
    app.blockAction(Ids.CHECKED_NOT_HAPPENED, (req, ctx) -> settle(req.getPayload(), ctx, false));
  }

  private Response settle(BlockActionPayload payload, ActionContext ctx, boolean happened) {
    Click click = Click.of(payload, cards, defaultChannel);
    long actionId;
    try {
      actionId = Long.parseLong(click.value());
    } catch (NumberFormatException | NullPointerException e) {
      return ctx.ack();
    }
    String originalText = payload.getMessage() == null ? null : payload.getMessage().getText();
    // A full action pool tells the person it is busy instead of failing the click.
    after.submitOrTellBusy(
        click.channel(),
        click.userId(),
        () -> {
          ActionOutcome outcome = service.settleByHand(actionId, click.userId(), happened);
          boolean settled =
              outcome.result() == Result.SUCCEEDED || outcome.result() == Result.FAILED;
          if (settled && originalText != null) {
            notices.replaceOriginal(
                click.responseUrl(),
                messages.checkedInPayPal(originalText, click.userId(), happened));
          }
          outcome.note().ifPresent(text -> notices.tell(click.channel(), click.userId(), text));
        });
    return ctx.ack();
  }
}
