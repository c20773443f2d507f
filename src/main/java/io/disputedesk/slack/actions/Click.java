package io.disputedesk.slack.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import io.disputedesk.slack.Card;
import io.disputedesk.slack.CardStore;
import java.util.Optional;

/**
 * One button click: who clicked, which dispute (the button's value), where the card is, and what
 * names the click for de-duplication. The user comes from the payload only, never from the button.
 */
record Click(
    String userId,
    String actionId,
    String value,
    String channel,
    String messageTs,
    String triggerId,
    String responseUrl,
    String actionTs) {

  static Click of(BlockActionPayload p, CardStore cards, String defaultChannel) {
    BlockActionPayload.Action action =
        p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0);
    String value = action == null ? null : action.getValue();
    String channel =
        p.getChannel() != null
            ? p.getChannel().getId()
            : p.getContainer() != null && p.getContainer().getChannelId() != null
                ? p.getContainer().getChannelId()
                : null;
    String ts = p.getContainer() != null ? p.getContainer().getMessageTs() : null;
    if (channel == null && value != null) {
      Optional<Card> card = cards.find(value);
      channel = card.map(Card::channel).orElse(defaultChannel);
      ts = card.map(Card::ts).orElse(null);
    }
    return new Click(
        p.getUser().getId(),
        action == null ? null : action.getActionId(),
        value,
        channel == null ? defaultChannel : channel,
        ts,
        p.getTriggerId(),
        p.getResponseUrl(),
        action == null ? null : action.getActionTs());
  }

  /** The click as the card button an overflow menu option stands for. */
  Click as(String chosenActionId, String disputeId) {
    return new Click(
        userId, chosenActionId, disputeId, channel, messageTs, triggerId, responseUrl, actionTs);
  }

  /** The selected option's value, for a click in an overflow menu. */
  static String selectedValue(BlockActionPayload p) {
    BlockActionPayload.Action action =
        p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0);
    return action == null || action.getSelectedOption() == null
        ? null
        : action.getSelectedOption().getValue();
  }

  /** Names this click: a retried delivery of it maps to the same intent. */
  String intentKey() {
    return "click:" + actionId + ":" + value + ":" + userId + ":" + actionTs;
  }
}
