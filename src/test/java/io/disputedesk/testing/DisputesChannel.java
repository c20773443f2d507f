package io.disputedesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bot posted in the disputes channel, as Slack shows it: the cards (told apart by their
 * metadata, not by the database), the other top-level messages, and the threads.
 */
public final class DisputesChannel {
  private final LocalSlack slack;
  private final String channel;

  public DisputesChannel(LocalSlack slack, String channel) {
    this.slack = slack;
    this.channel = channel;
  }

  /** Top-level messages the bot posted as dispute cards. */
  public List<SlackMessage> cards() {
    return messages("card:");
  }

  public List<SlackMessage> cardsOf(String disputeId) {
    return cards().stream().filter(m -> disputeId.equals(disputeOf(m))).toList();
  }

  /** The dispute's latest card. */
  public Optional<SlackMessage> card(String disputeId) {
    List<SlackMessage> cards = cardsOf(disputeId);
    return cards.isEmpty() ? Optional.empty() : Optional.of(cards.get(cards.size() - 1));
  }

  /** The dispute's card, which must be its only one. */
  public SlackMessage onlyCard(String disputeId) {
    List<SlackMessage> cards = cardsOf(disputeId);
    if (cards.size() != 1) {
      throw new AssertionError(disputeId + " has " + cards.size() + " cards, not one");
    }
    return cards.get(0);
  }

  /** Top-level messages that are not cards (digests, reports, notes). */
  public List<SlackMessage> channelMessages() {
    return messages("message:");
  }

  /** Top-level channel messages whose metadata key starts so ({@code card:}, {@code message:}). */
  public List<SlackMessage> messages(String keyPrefix) {
    return slack.messages(channel).stream().filter(m -> key(m).startsWith(keyPrefix)).toList();
  }

  public List<SlackMessage> replies(SlackMessage card) {
    return slack.replies(channel, card.ts());
  }

  /** The replies in the thread of the dispute's only card. */
  public List<SlackMessage> replies(String disputeId) {
    return replies(onlyCard(disputeId));
  }

  /** How often the dispute's only card was updated in place. */
  public long cardUpdates(String disputeId) {
    String ts = onlyCard(disputeId).ts();
    return slack.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).count();
  }

  /** The message's metadata key ({@code card:…}, {@code message:…}), or "". */
  public static String key(SlackMessage m) {
    return m.metadata() == null ? "" : m.metadata().eventPayload().path("key").asText("");
  }

  public static String disputeOf(SlackMessage m) {
    return m.metadata() == null ? "" : m.metadata().eventPayload().path("dispute_id").asText("");
  }

  /** Action ids of the card's buttons and overflow options. */
  public static List<String> actionIds(SlackMessage card) {
    List<String> ids = new ArrayList<>();
    for (JsonNode block : card.blocks()) {
      if ("actions".equals(block.path("type").asText())) {
        for (JsonNode e : block.path("elements")) {
          if ("overflow".equals(e.path("type").asText())) {
            e.path("options").forEach(o -> ids.add(o.path("value").asText().split(":")[0]));
          } else {
            ids.add(e.path("action_id").asText());
          }
        }
      }
    }
    return ids;
  }
}
