package io.disputedesk.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.disputedesk.dispute.StoredDispute;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The card a channel shows: {@link CardBuilder}'s card, with the dispute's PayPal account when the
 * bot serves several, or, in a channel the dispute is no longer routed to, the same card without
 * its buttons and saying where the dispute went.
 */
public final class CardViews {
  private final CardBuilder builder;
  private final ObjectMapper mapper;
  private final boolean showAccount;

  public CardViews(CardBuilder builder, ObjectMapper mapper, boolean showAccount) {
    this.builder = builder;
    this.mapper = mapper;
    this.showAccount = showAccount;
  }

  /** A live card, as {@link CardBuilder} draws it (with its account when there are several). */
  public SlackPost card(StoredDispute stored) {
    SlackPost post = builder.card(stored);
    if (!showAccount) {
      return post;
    }
    ArrayNode blocks = blocks(post);
    blocks.insert(Math.min(2, blocks.size()), BlockKit.context(List.of(accountLine(stored))));
    return new SlackPost(post.text(), blocks.toString());
  }

  /**
   * The card left in a channel the dispute was routed away from: no buttons, and where it is now.
   */
  public SlackPost moved(StoredDispute stored, List<String> nowIn) {
    SlackPost post = card(stored);
    ArrayNode kept = BlockKit.array();
    for (JsonNode block : blocks(post)) {
      if (!"actions".equals(block.path("type").asText())) {
        kept.add(block);
      }
    }
    String where =
        nowIn.isEmpty()
            ? "another channel"
            : nowIn.stream().map(c -> "<#" + c + ">").collect(Collectors.joining(", "));
    String note =
        ":twisted_rightwards_arrows: *Moved to "
            + where
            + "*: this dispute is no longer routed here."
            + " Its card there has the latest state and the buttons.";
    kept.insert(Math.min(1, kept.size()), BlockKit.context(List.of(note)));
    return new SlackPost("Moved to " + where + ": " + post.text(), kept.toString());
  }

  private static String accountLine(StoredDispute stored) {
    return ":bank: PayPal account *" + Mrkdwn.escape(stored.account()) + "*";
  }

  private ArrayNode blocks(SlackPost post) {
    try {
      JsonNode node = mapper.readTree(post.blocksJson());
      if (node instanceof ArrayNode array) {
        return array;
      }
      throw new IllegalStateException("a card's blocks are not an array");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a card's blocks are not JSON", e);
    }
  }
}
