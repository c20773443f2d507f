package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.CurrencyTotal;
import io.disputedesk.dispute.DisputeStats;
import io.disputedesk.dispute.Words;
import io.disputedesk.slack.BlockKit;
import io.disputedesk.slack.Mrkdwn;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The stats message: counts, amounts per currency, win rate, at risk, time to first action, missed
 * deadlines.
 */
public final class StatsBuilder {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

  public CommandReply build(DisputeStats s, int days) {
    ArrayNode blocks = BlockKit.array();
    blocks.add(BlockKit.header("Dispute stats: last " + days + " days"));
    ObjectNode numbers =
        BlockKit.section("*" + DAY.format(s.from()) + " – " + DAY.format(s.to()) + "* (UTC)");
    ArrayNode fields = numbers.putArray("fields");
    fields.add(BlockKit.mrkdwn("*Opened*\n" + s.opened()));
    fields.add(
        BlockKit.mrkdwn(
            "*Resolved*\n"
                + s.resolved()
                + " (won "
                + s.won()
                + " · lost "
                + s.lost()
                + (s.resolved() - s.won() - s.lost() > 0
                    ? " · other " + (s.resolved() - s.won() - s.lost())
                    : "")
                + ")"));
    fields.add(
        BlockKit.mrkdwn(
            "*Win rate*\n"
                + (s.winRate().isPresent()
                    ? Math.round(s.winRate().getAsDouble() * 100) + "%"
                    : "—")));
    fields.add(BlockKit.mrkdwn("*At risk now*\n" + s.openNow() + " open · " + amounts(s.atRisk())));
    fields.add(
        BlockKit.mrkdwn(
            "*Won*\n"
                + outcomeAmounts(
                    s, DisputeStats.OutcomeTotal::won, DisputeStats.OutcomeTotal::wonMinor)));
    fields.add(
        BlockKit.mrkdwn(
            "*Lost*\n"
                + outcomeAmounts(
                    s, DisputeStats.OutcomeTotal::lost, DisputeStats.OutcomeTotal::lostMinor)));
    fields.add(
        BlockKit.mrkdwn(
            "*Median time to first action*\n"
                + (s.medianTimeToFirstAction() == null
                    ? "no actions yet"
                    : Words.span(s.medianTimeToFirstAction())
                        + " ("
                        + s.firstActionSamples()
                        + " disputes)")));
    fields.add(
        BlockKit.mrkdwn(
            "*Deadlines missed*\n"
                + s.deadlinesMissed()
                + " in the period · "
                + s.overdueNow()
                + " overdue now"));
    blocks.add(numbers);
    blocks.add(
        BlockKit.context(
            "Won: decided for us or cancelled by the buyer. Lost: decided for the buyer or"
                + " claim accepted (refunded amount). Missed: lost after the deadline passed with no action from us."));
    String text =
        "Dispute stats, last "
            + days
            + " days: "
            + s.opened()
            + " opened, "
            + s.resolved()
            + " resolved, "
            + s.openNow()
            + " open now";
    return new CommandReply(text, blocks, false);
  }

  static String amounts(List<CurrencyTotal> totals) {
    if (totals.isEmpty()) {
      return "nothing";
    }
    return join(totals, t -> Words.money(t.amountMinor(), t.currency()));
  }

  private static String outcomeAmounts(
      DisputeStats s,
      ToLongFunction<DisputeStats.OutcomeTotal> count,
      ToLongFunction<DisputeStats.OutcomeTotal> minor) {
    List<DisputeStats.OutcomeTotal> some =
        s.outcomes().stream().filter(t -> count.applyAsLong(t) > 0).toList();
    if (some.isEmpty()) {
      return "none";
    }
    return join(
        some, t -> count.applyAsLong(t) + " · " + Words.money(minor.applyAsLong(t), t.currency()));
  }

  private static <T> String join(List<T> items, Function<T, String> format) {
    List<String> parts = new ArrayList<>();
    items.forEach(i -> parts.add(format.apply(i)));
    return String.join("\n", parts);
  }

  /**
   * The stats with one more line: the open disputes of each PayPal account (when there are
   * several).
   */
  public CommandReply withAccounts(CommandReply stats, Map<String, Long> openByAccount) {
    if (openByAccount.size() < 2) {
      return stats;
    }
    ArrayNode blocks = stats.blocks().deepCopy();
    List<String> parts = new ArrayList<>();
    openByAccount.forEach((account, n) -> parts.add("*" + Mrkdwn.escape(account) + "* " + n));
    blocks.insert(
        Math.min(2, blocks.size()),
        BlockKit.context("Open by PayPal account: " + String.join(" · ", parts)));
    return new CommandReply(stats.text(), blocks, stats.inChannel());
  }
}
