package io.disputedesk.slack.home;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.CurrencyTotal;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.format.BlockKit;
import io.disputedesk.slack.format.DisputeLines;
import io.disputedesk.slack.format.SlackText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's App Home: their queue, what is due within 72 h, what nobody owns, what waits for the
 * buyer, the totals and the bot's health. Each list shows one page with a "show more" button, and
 * the page sizes keep the view within Slack's 100 blocks.
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
  /** Title and context, your numbers, four lists (heading, lines, button, divider), totals, health. */
  static final int MOST_BLOCKS = 2 + PersonalBlocks.BLOCKS + (QUEUE_PAGE + DUE_PAGE + UNASSIGNED_PAGE + BUYER_PAGE)
      + 4 * 3 + 1 + 1;

  private final DisputeLines lines;
  private final ObjectMapper mapper;
  private final PersonalBlocks personal = new PersonalBlocks();

  public HomeBuilder(DisputeLines lines, ObjectMapper mapper) {
    if (MOST_BLOCKS > BlockKit.VIEW_BLOCKS) {
      throw new IllegalStateException("Home page sizes exceed Slack's block limit");
    }
    this.lines = lines;
    this.mapper = mapper;
  }

  /** The view JSON for {@code views.publish}. */
  ObjectNode build(String userId, HomeData data, HomeState state, Instant now) {
    ArrayNode blocks = BlockKit.array();
    blocks.add(BlockKit.header("Dispute Desk"));
    blocks.add(BlockKit.context("For " + SlackText.mention(userId) + " · updated "
        + date(now) + " · `/disputes help` for commands"));
    blocks.addAll(personal.blocks(data.personal()));
    list(blocks, QUEUE, "Your queue", "assigned to you, soonest deadline first", data.queue(), QUEUE_PAGE, now,
        "Nothing is assigned to you. Pick one from the unassigned list below, or `/disputes assign <id> @you`.");
    list(blocks, DUE, "Due within 72 h", "waiting for us", data.due(), DUE_PAGE, now, "Nothing is due within 72 hours.");
    list(blocks, UNASSIGNED, "Unassigned", "open, nobody owns them", data.unassigned(), UNASSIGNED_PAGE, now,
        "Every open dispute has an owner.");
    list(blocks, BUYER, "Waiting for the buyer", "nothing to do until they answer", data.buyer(), BUYER_PAGE, now,
        "No dispute is waiting for a buyer.");
    long open = data.atRisk().stream().mapToLong(CurrencyTotal::count).sum();
    blocks.add(BlockKit.section("*Totals:* " + open + " open · at risk " + atRisk(data.atRisk())
        + (data.overdue() > 0 ? " · :warning: " + data.overdue() + " overdue" : "")));
    blocks.add(BlockKit.context(health(data.health())));
    ObjectNode view = JsonNodeFactory.instance.objectNode().put("type", "home")
        .put("private_metadata", state.toMetadata(mapper));
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

  private void list(ArrayNode blocks, String key, String title, String subtitle, HomeData.Page page, int pageSize,
      Instant now, String empty) {
    blocks.add(BlockKit.section("*" + title + "* (" + page.total() + ") · _" + subtitle + "_"));
    if (page.lines().isEmpty()) {
      blocks.add(BlockKit.context(page.offset() > 0 ? "No more." : empty));
    }
    for (DisputeLine line : page.lines().subList(0, Math.min(pageSize, page.lines().size()))) {
      blocks.add(BlockKit.section(lines.compact(line, now)));
    }
    int next = page.offset() + Math.min(pageSize, page.lines().size());
    if (next < page.total()) {
      blocks.add(BlockKit.actions(BlockKit.button("Show more (" + (page.offset() + 1) + "–" + next + " of "
          + page.total() + " shown)", Ids.HOME_MORE, key + ":" + next)));
    } else if (page.offset() > 0) {
      blocks.add(BlockKit.actions(BlockKit.button("Back to the first page", Ids.HOME_MORE, key + ":0")));
    }
    blocks.add(BlockKit.divider());
  }

  private static String health(HomeData.Health h) {
    List<String> parts = new ArrayList<>();
    boolean failing = h.lastErrorAt() != null && (h.lastSuccess() == null || h.lastErrorAt().isAfter(h.lastSuccess()));
    parts.add((failing ? ":red_circle:" : h.lastSuccess() == null ? ":white_circle:" : ":large_green_circle:")
        + " Last successful PayPal check: " + (h.lastSuccess() == null ? "none yet" : date(h.lastSuccess())));
    if (h.lastError() != null) {
      parts.add((failing ? "last error " : "last error (since recovered) ")
          + (h.lastErrorAt() == null ? "" : date(h.lastErrorAt()) + ": ")
          + SlackText.truncate(SlackText.escape(h.lastError()), 300));
    }
    return String.join(" · ", parts);
  }

  private static String atRisk(List<CurrencyTotal> totals) {
    if (totals.isEmpty()) {
      return "nothing";
    }
    List<String> parts = new ArrayList<>();
    totals.forEach(t -> parts.add(SlackText.money(t.amountMinor(), t.currency())));
    return String.join(" + ", parts);
  }

  /** A time Slack shows in each reader's own time zone. */
  private static String date(Instant t) {
    return "<!date^" + t.getEpochSecond() + "^{date_short_pretty} {time}|" + t + ">";
  }
}
