package io.disputedesk.slack.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.slack.BlockKit;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.SlackPost;

/** {@code /disputes show}: the dispute's card as the channel shows it, plus where that card is. */
public final class ShowBuilder {
  private final CardBuilder cards;
  private final DisputeLines lines;
  private final ObjectMapper mapper;

  public ShowBuilder(CardBuilder cards, DisputeLines lines, ObjectMapper mapper) {
    this.cards = cards;
    this.lines = lines;
    this.mapper = mapper;
  }

  public CommandReply build(StoredDispute stored, DisputeLine line) {
    SlackPost card = cards.card(stored);
    ArrayNode blocks = BlockKit.array();
    blocks.add(
        BlockKit.context(
            line.hasCard()
                ? "The card in the channel: " + lines.link(line) + "; its thread has the history."
                : "`"
                    + line.disputeId()
                    + "` has no card in a channel yet: the first import posts cards only for"
                    + " disputes that need a response, and its card comes with the next change"
                    + " PayPal reports."));
    for (JsonNode block : parse(card.blocksJson())) {
      if (blocks.size() < BlockKit.MESSAGE_BLOCKS) {
        blocks.add(block);
      }
    }
    return new CommandReply(card.text(), blocks, false);
  }

  private ArrayNode parse(String blocksJson) {
    try {
      return (ArrayNode) mapper.readTree(blocksJson);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("the card builder gave blocks that are not a JSON array", e);
    }
  }
}
