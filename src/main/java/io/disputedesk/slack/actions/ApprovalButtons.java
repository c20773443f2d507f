package io.disputedesk.slack.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.actions.ActionService;
import io.disputedesk.slack.ActionMessages;
import io.disputedesk.slack.ActionMessages.Decision;
import io.disputedesk.slack.CardStore;
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
  private final CardStore cards;
  private final Notices notices;
  private final ActionMessages messages = new ActionMessages();
  private final AfterAck after;
  private final String defaultChannel;

  ApprovalButtons(
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
    app.blockAction(Ids.APPROVE, (req, ctx) -> decide(req.getPayload(), ctx, true));
    app.blockAction(Ids.REJECT, (req, ctx) -> decide(req.getPayload(), ctx, false));
  }

  private Response decide(BlockActionPayload payload, ActionContext ctx, boolean approve) {
    Click click = Click.of(payload, cards, defaultChannel);
    long actionId;
    try {
      actionId = Long.parseLong(click.value());
    } catch (NumberFormatException | NullPointerException e) {
      return ctx.ack();
    }
    String originalText = payload.getMessage() == null ? null : payload.getMessage().getText();
    after.submitOrTellBusy(
        click.channel(),
        click.userId(),
        () -> {
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
                click.responseUrl(),
                messages.approvalDecided(
                    originalText, outcome.action().requestedBy(), click.userId(), decision));
          }
          outcome.note().ifPresent(text -> notices.tell(click.channel(), click.userId(), text));
        });
    return ctx.ack();
  }
}
