package io.disputedesk.slack.home;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.slack.BlockKit;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.SearchWords;
import java.time.Instant;
import java.util.List;

/**
 * The Home tab's "Search disputes" modal: the text input, then the disputes found as the lines
 * {@code /disputes search} shows, at most {@link #SHOWN} of them, with the input again to search
 * once more.
 */
public final class SearchModal {
  /** Lines shown: with header, context, divider and input the modal stays under 50 blocks. */
  static final int SHOWN = 40;

  static final String LABEL = "Buyer name, dispute id, transaction id or invoice number";
  private static final String TITLE = "Search disputes";

  private final DisputeLines lines;

  public SearchModal(DisputeLines lines) {
    this.lines = lines;
  }

  /** The empty form the Home tab's button opens. */
  ObjectNode form() {
    ArrayNode blocks = BlockKit.array();
    blocks.add(input(null));
    blocks.add(
        BlockKit.context(
            "Finds disputes by part of a buyer name, a dispute id, a transaction id or an invoice"
                + " number, case and accents aside; only you see the results."));
    return modal(blocks, "Search");
  }

  /**
   * The disputes found for {@code text}: {@code found} (newest first, at most {@link #SHOWN}) of
   * {@code total}; the note that nothing matches when there are none.
   */
  ObjectNode results(String text, List<DisputeLine> found, long total, Instant now) {
    ArrayNode blocks = BlockKit.array();
    if (total == 0) {
      blocks.add(BlockKit.section(SearchWords.noMatch(text)));
    } else {
      // The header is plain text, where Slack shows escapes as typed: the echo goes in the context.
      blocks.add(BlockKit.header(SearchWords.count(total)));
      String more =
          total > found.size()
              ? " · showing " + found.size() + " of " + total + "; narrow the search"
              : "";
      blocks.add(BlockKit.context(SearchWords.where(text) + more));
      for (DisputeLine line : found.subList(0, Math.min(SHOWN, found.size()))) {
        blocks.add(BlockKit.section(lines.compact(line, now)));
      }
    }
    blocks.add(BlockKit.divider());
    blocks.add(input(text));
    return modal(blocks, "Search again");
  }

  /** Shown while the search runs: the text searched for, nothing to submit. */
  ObjectNode searching(String text) {
    ArrayNode blocks = BlockKit.array();
    blocks.add(
        BlockKit.section(":hourglass_flowing_sand: *Searching…* for " + SearchWords.echo(text)));
    return closeOnly(blocks);
  }

  /** What is shown when the search itself failed (it is logged): the form again, to try again. */
  ObjectNode failed(String text) {
    ArrayNode blocks = BlockKit.array();
    blocks.add(
        BlockKit.section(
            ":warning: Something went wrong inside Dispute Desk while searching for "
                + SearchWords.echo(text)
                + "; it has been logged. Please try again."));
    blocks.add(BlockKit.divider());
    blocks.add(input(text));
    return modal(blocks, "Search again");
  }

  /** What someone who may not see disputes gets instead of results: the note, no form. */
  ObjectNode refused(String note) {
    ArrayNode blocks = BlockKit.array();
    blocks.add(BlockKit.section(note));
    return closeOnly(blocks);
  }

  private static ObjectNode closeOnly(ArrayNode blocks) {
    ObjectNode view = frame(blocks);
    view.set("close", BlockKit.plain("Close"));
    return view;
  }

  private ObjectNode modal(ArrayNode blocks, String submit) {
    ObjectNode view = frame(blocks);
    view.set("submit", BlockKit.plain(submit));
    view.set("close", BlockKit.plain("Close"));
    return view;
  }

  private static ObjectNode frame(ArrayNode blocks) {
    ObjectNode view =
        JsonNodeFactory.instance
            .objectNode()
            .put("type", "modal")
            .put("callback_id", Ids.VIEW_SEARCH);
    view.set("title", BlockKit.plain(TITLE));
    view.set("blocks", blocks);
    return view;
  }

  /** The text input, showing {@code initial} (the text just searched for) when not null. */
  private static ObjectNode input(String initial) {
    ObjectNode element =
        JsonNodeFactory.instance
            .objectNode()
            .put("type", "plain_text_input")
            .put("action_id", Ids.SEARCH_TEXT)
            .put("max_length", SearchWords.MAX);
    if (initial != null) {
      element.put("initial_value", initial);
    }
    ObjectNode block =
        JsonNodeFactory.instance.objectNode().put("type", "input").put("block_id", Ids.SEARCH_TEXT);
    block.set("label", BlockKit.plain(LABEL));
    block.set("element", element);
    return block;
  }
}
