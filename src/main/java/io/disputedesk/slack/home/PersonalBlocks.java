package io.disputedesk.slack.home;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.PersonalStats;
import io.disputedesk.slack.BlockKit;
import java.util.List;

/**
 * The Home tab's "Your numbers": the person's open cases, their cases due this week and their win
 * rate over 90 days, as text bars in a code block (they line up in every Slack theme and client).
 */
final class PersonalBlocks {
  /** How many blocks {@link #blocks} adds, for the tab's block budget. */
  static final int BLOCKS = 2;

  static final int BAR = 10;
  private static final char FULL = '▇';
  private static final char EMPTY = '▁';

  List<ObjectNode> blocks(PersonalStats s) {
    long scale = Math.max(1, Math.max(s.open(), s.dueThisWeek()));
    String rate =
        s.winRate().isPresent()
            ? Math.round(s.winRate().getAsDouble() * 100)
                + "% ("
                + s.won()
                + " of "
                + (s.won() + s.lost())
                + ")"
            : "— (none of yours decided yet)";
    String lines =
        line("Open cases      ", bar(s.open(), scale), Long.toString(s.open()))
            + line("Due this week   ", bar(s.dueThisWeek(), scale), Long.toString(s.dueThisWeek()))
            + line(
                "Win rate, 90 d  ",
                s.winRate().isPresent()
                    ? bar(Math.round(s.winRate().getAsDouble() * BAR), BAR)
                    : bar(0, 1),
                rate);
    return List.of(
        BlockKit.section("*Your numbers*\n```" + lines.stripTrailing() + "```"),
        BlockKit.context(
            "Open: assigned to you · due this week: waiting for our response, deadline before Monday"
                + " · win rate: won ÷ (won + lost) of your disputes resolved in the last 90 days"));
  }

  /**
   * {@code value} of {@code scale} as {@link #BAR} cells; anything above zero shows at least one.
   */
  static String bar(long value, long scale) {
    int full =
        value <= 0 ? 0 : (int) Math.max(1, Math.min(BAR, Math.round((double) value * BAR / scale)));
    return String.valueOf(FULL).repeat(full) + String.valueOf(EMPTY).repeat(BAR - full);
  }

  private static String line(String label, String bar, String value) {
    return label + bar + "  " + value + "\n";
  }
}
