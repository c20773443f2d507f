package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.FilterStage;
import io.disputedesk.dispute.ListFilter;
import io.disputedesk.dispute.StoredNames;
import io.disputedesk.dispute.Words;
import io.disputedesk.slack.BlockKit;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.Mrkdwn;
import io.disputedesk.slack.SearchWords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A page of a dispute list: a title, one line per dispute, and a "more" button when there are more.
 */
public final class ListBuilder {
  /** Lines per message: with title, summary and button the message stays under 50 blocks. */
  public static final int PAGE_SIZE = 40;

  private final DisputeLines lines;

  public ListBuilder(DisputeLines lines) {
    this.lines = lines;
  }

  /**
   * The page of {@code page} (starting at {@code offset}) out of {@code total}; {@code
   * nextPageValue} is the "more" button's value, null when this is the last page.
   */
  public CommandReply build(
      ListFilter filter,
      List<DisputeLine> page,
      long total,
      int offset,
      Instant now,
      String nextPageValue) {
    ArrayNode blocks = BlockKit.array();
    String title = title(filter);
    blocks.add(BlockKit.header(title));
    blocks.add(BlockKit.context(summary(filter, page.size(), total, offset)));
    addLines(blocks, page, total, offset, now, nextPageValue);
    return new CommandReply(
        title + ": " + total + (total == 1 ? " dispute" : " disputes"), blocks, false);
  }

  /**
   * A page of the disputes found for {@code text}, as list lines; one line of text when nothing
   * matches at all.
   */
  public CommandReply search(
      String text,
      List<DisputeLine> page,
      long total,
      int offset,
      Instant now,
      String nextPageValue) {
    if (total == 0 && offset == 0) {
      return CommandReply.text(SearchWords.noMatch(text));
    }
    String count = SearchWords.count(total);
    String title = count + " " + SearchWords.echo(text);
    ArrayNode blocks = BlockKit.array();
    // The header is plain text, where Slack shows escapes as typed: the echo goes in the context.
    blocks.add(BlockKit.header(count));
    blocks.add(BlockKit.context(SearchWords.where(text) + showing(page.size(), total, offset)));
    addLines(blocks, page, total, offset, now, nextPageValue);
    return new CommandReply(title, blocks, false);
  }

  /** The page's lines (or why there are none) and the "more" button when there are more. */
  private void addLines(
      ArrayNode blocks,
      List<DisputeLine> page,
      long total,
      int offset,
      Instant now,
      String nextPageValue) {
    if (page.isEmpty()) {
      blocks.add(BlockKit.section(offset == 0 ? "No disputes match." : "No more disputes."));
    }
    for (DisputeLine line : page) {
      blocks.add(BlockKit.section(lines.compact(line, now)));
    }
    if (nextPageValue != null) {
      long left = total - offset - page.size();
      blocks.add(
          BlockKit.actions(
              BlockKit.button(
                  Ids.LIST_MORE,
                  "Show " + Math.min(left, PAGE_SIZE) + " more (" + left + " left)",
                  nextPageValue)));
    }
  }

  /** " · showing 41–45" when the page is not all there is; empty otherwise. */
  private static String showing(int shown, long total, int offset) {
    return shown > 0 && (offset > 0 || shown < total)
        ? " · showing " + (offset + 1) + "–" + (offset + shown)
        : "";
  }

  static String title(ListFilter f) {
    return switch (f.view()) {
      case OPEN -> "Open disputes";
      case DUE -> "Due within " + f.dueWithin().toHours() + " h";
      case MINE -> "Your open disputes";
      case UNASSIGNED -> "Unassigned open disputes";
      case WAITING_BUYER -> "Waiting for the buyer";
      case RESOLVED -> "Resolved disputes";
    };
  }

  private static String summary(ListFilter f, int shown, long total, int offset) {
    List<String> parts = new ArrayList<>();
    parts.add(total + (total == 1 ? " dispute" : " disputes"));
    DisputeFilter d = f.filter();
    if (!d.accounts().isEmpty()) {
      parts.add(
          (d.accounts().size() == 1 ? "account " : "accounts ")
              + Mrkdwn.escape(String.join(", ", d.accounts())));
    }
    if (!d.stages().isEmpty()) {
      parts.add(
          "stage "
              + d.stages().stream()
                  .sorted()
                  .map(FilterStage::word)
                  .collect(Collectors.joining(" or ")));
    }
    if (!d.reasons().isEmpty()) {
      parts.add(
          "reason "
              + d.reasons().stream()
                  .map(StoredNames::reason)
                  .map(Words::reason)
                  .collect(Collectors.joining(" or ")));
    }
    if (!d.statuses().isEmpty()) {
      parts.add(
          "status "
              + d.statuses().stream()
                  .map(StoredNames::status)
                  .map(Words::status)
                  .collect(Collectors.joining(" or ")));
    }
    d.amounts().forEach(a -> parts.add(Mrkdwn.escape(a.display())));
    return String.join(" · ", parts) + showing(shown, total, offset);
  }
}
