package io.disputedesk.slack.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import io.disputedesk.slack.CardStore;

/**
 * A click on a button whose value is a stored action's id (Approve and Reject on a held request,
 * "It happened" and "It did not happen" on an unproven outcome): acked at once, its work handed to
 * the action pool, where a full pool tells the person it is busy instead of failing the click. A
 * value that is not an action id is only acked.
 */
final class StoredActionClicks {
  /** What a click does on the action pool. */
  @FunctionalInterface
  interface Work {
    /** {@code originalText}: the text of the message the button sits on, or null. */
    void run(Click click, long actionId, String originalText);
  }

  private final CardStore cards;
  private final AfterAck after;
  private final String defaultChannel;

  StoredActionClicks(CardStore cards, AfterAck after, String defaultChannel) {
    this.cards = cards;
    this.after = after;
    this.defaultChannel = defaultChannel;
  }

  Response handle(BlockActionPayload payload, ActionContext ctx, Work work) {
    Click click = Click.of(payload, cards, defaultChannel);
    long actionId;
    try {
      actionId = Long.parseLong(click.value());
    } catch (NumberFormatException | NullPointerException e) {
      return ctx.ack();
    }
    String originalText = payload.getMessage() == null ? null : payload.getMessage().getText();
    after.submitOrTellBusy(
        click.channel(), click.userId(), () -> work.run(click, actionId, originalText));
    return ctx.ack();
  }
}
