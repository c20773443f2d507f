package io.disputedesk.slack.home;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.CurrencyTotal;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.Snooze;
import io.disputedesk.dispute.Words;
import io.disputedesk.slack.BlockKit;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.Mrkdwn;
import io.disputedesk.slack.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A person's App Home: a "Search disputes" button, their queue, what else is due within 72 h, what
 * else nobody owns, what else waits for the buyer, the totals and the bot's health. Each dispute is
 * listed once, in the first list it fits. Each list shows one page with a "show more" button, and
 * the page sizes keep the view within Slack's 100 blocks. A snoozed dispute stays in its list,
 * marked as its card says.
 */
public final class HomeBuilder {
  static final String QUEUE = "queue";
  static final String DUE = "due";
  static final String UNASSIGNED = "unassigned";
  static final String BUYER = "buyer";
  static final int QUEUE_PAGE = 20;
  static final int DUE_PAGE = 15;
  static final int UNASSIGNED_PAGE = 15;
  static final int BUYER_PAGE = 10;

  /**
   * Title, the line under it (with the search button) and a context, your numbers, four lists
   * (heading, lines, button, divider), totals, health.
   */
  static final int MOST_BLOCKS =
      3
          + PersonalBlocks.BLOCKS
          + (QUEUE_PAGE + DUE_PAGE + UNASSIGNED_PAGE + BUYER_PAGE)
          + 4 * 3
          + 1
          + 1;

  private final DisputeLines lines;
  private final PersonalBlocks personal = new PersonalBlocks();

  public HomeBuilder(DisputeLines lines) {
    if (MOST_BLOCKS > BlockKit.VIEW_BLOCKS) {
      throw new IllegalStateException("Home page sizes exceed Slack's block limit");
    }
    this.lines = lines;
  }

  /** The view JSON for {@code views.publish}. */
  ObjectNode build(String userId, HomeData data, Instant now) {
    ArrayNode blocks = BlockKit.array();
    blocks.add(BlockKit.header("Dispute Desk"));
    // The search button rides on the line under the title: near the top, and no block of its own.
    blocks.add(
        BlockKit.section(
            "For "
                + Mrkdwn.mention(userId)
                + " · updated "
                + Times.clock(now)
                + " · `/disputes help` for commands",
            BlockKit.button(Ids.HOME_SEARCH, "Search disputes", "search")));
    blocks.addAll(personal.blocks(data.personal()));
    blocks.add(BlockKit.context("Each dispute is listed once, in the first list it fits."));
    list(
        blocks,
        QUEUE,
        "Your queue",
        "assigned to you, soonest deadline first",
        data.queue(),
        QUEUE_PAGE,
        now,
        "Nothing is assigned to you. Pick one from the lists below, or `/disputes assign <id> @you`.",
        data.snoozed());
    list(
        blocks,
        DUE,
        "Due within 72 h",
        "waiting for our response, not yours",
        data.due(),
        DUE_PAGE,
        now,
        "Nothing else is due within 72 hours.",
        data.snoozed());
    list(
        blocks,
        UNASSIGNED,
        "Unassigned",
        "open, nobody owns them, not due within 72 h",
        data.unassigned(),
        UNASSIGNED_PAGE,
        now,
        "No other open dispute is without an owner.",
        data.snoozed());
    list(
        blocks,
        BUYER,
        "Waiting for the buyer",
        "owned by others; nothing to do until the buyer answers",
        data.buyer(),
        BUYER_PAGE,
        now,
        "No other dispute is waiting for a buyer.",
        data.snoozed());
    long open = data.atRisk().stream().mapToLong(CurrencyTotal::count).sum();
    blocks.add(
        BlockKit.section(
            "*Totals:* "
                + open
                + " open · at risk "
                + Words.totals(data.atRisk())
                + (data.overdue() > 0 ? " · :warning: " + data.overdue() + " overdue" : "")));
    blocks.add(BlockKit.context(health(data.health(), now)));
    ObjectNode view = JsonNodeFactory.instance.objectNode().put("type", "home");
    view.set("blocks", blocks);
    return view;
  }

  /** The tab of someone who may not see disputes: the title and the note, nothing else. */
  ObjectNode noAccess(String note) {
    ArrayNode blocks = BlockKit.array();
    blocks.add(BlockKit.header("Dispute Desk"));
    blocks.add(BlockKit.section(note));
    ObjectNode view = JsonNodeFactory.instance.objectNode().put("type", "home");
    view.set("blocks", blocks);
    return view;
  }

  private void list(
      ArrayNode blocks,
      String key,
      String title,
      String subtitle,
      HomeData.Page page,
      int pageSize,
      Instant now,
      String empty,
      Map<String, Snooze> snoozed) {
    blocks.add(BlockKit.section("*" + title + "* (" + page.total() + ") · _" + subtitle + "_"));
    if (page.lines().isEmpty()) {
      blocks.add(BlockKit.context(page.offset() > 0 ? "No more." : empty));
    }
    for (DisputeLine line : page.lines().subList(0, Math.min(pageSize, page.lines().size()))) {
      blocks.add(BlockKit.section(lines.compact(line, now, true, snoozed.get(line.disputeId()))));
    }
    int next = page.offset() + Math.min(pageSize, page.lines().size());
    if (next < page.total()) {
      blocks.add(
          BlockKit.actions(
              BlockKit.button(
                  Ids.HOME_MORE,
                  "Show more ("
                      + (page.offset() + 1)
                      + "–"
                      + next
                      + " of "
                      + page.total()
                      + " shown)",
                  key + ":" + next)));
    } else if (page.offset() > 0) {
      blocks.add(
          BlockKit.actions(BlockKit.button(Ids.HOME_MORE, "Back to the first page", key + ":0")));
    }
    blocks.add(BlockKit.divider());
  }

  private static String health(HomeData.Health h, Instant now) {
    List<String> parts = new ArrayList<>();
    boolean failing =
        h.lastErrorAt() != null
            && (h.lastSuccess() == null || h.lastErrorAt().isAfter(h.lastSuccess()));
    parts.add(
        (failing
                ? ":red_circle:"
                : h.lastSuccess() == null ? ":white_circle:" : ":large_green_circle:")
            + (h.lastSuccess() == null
                ? " No successful PayPal check yet"
                : " Last successful PayPal check " + when(h.lastSuccess(), now)));
    if (h.lastError() != null) {
      parts.add(
          (failing ? "last error " : "last error (since recovered) ")
              + (h.lastErrorAt() == null ? "" : when(h.lastErrorAt(), now) + ": ")
              + Mrkdwn.escapeAndCut(h.lastError(), 300));
    }
    return String.join(" · ", parts);
  }

  /** "2 min ago (09:19)": how long ago, and the time of day in the reader's own zone. */
  private static String when(Instant t, Instant now) {
    return Words.ago(t, now) + " (" + Times.clock(t) + ")";
  }
}
