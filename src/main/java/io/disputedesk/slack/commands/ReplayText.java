package io.disputedesk.slack.commands;

import io.disputedesk.paypal.Money;
import io.disputedesk.rules.Planned;
import io.disputedesk.rules.RuleReplay;
import io.disputedesk.rules.RuleSettings;
import io.disputedesk.slack.Mrkdwn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The answer to {@code /disputes rules test}: what the rule would have done, beside what was done.
 */
final class ReplayText {
  private static final int REASONS_SHOWN = 3;

  /** Said under the matches when the rule has a filter. */
  private static final String FILTER_NOTE =
      "The filter is checked against each dispute as it is today.";

  private ReplayText() {}

  static String of(RuleSettings rule, int days, RuleReplay.ReplayResult r) {
    StringBuilder out =
        new StringBuilder(
            ":mag: *Replay of rule "
                + Mrkdwn.escape(rule.name())
                + "* over the last "
                + days
                + " days ("
                + r.looked()
                + " disputes stored from then; nothing was done):");
    out.append("\n• Matches *")
        .append(r.matched())
        .append(r.matched() == 1 ? "* dispute" : "* disputes");
    if (r.matched() == 0) {
      return out.append(".").append(filterNote(rule)).toString();
    }
    out.append(" (")
        .append(r.occurrences())
        .append(r.occurrences() == 1 ? " trigger)." : " triggers).")
        .append(filterNote(rule));
    List<String> steps = new ArrayList<>();
    r.steps()
        .forEach(
            (word, n) ->
                steps.add(
                    word
                        + " "
                        + n[Planned.Effect.ACT.ordinal()]
                        + (n[Planned.Effect.SECOND_APPROVER.ordinal()] > 0
                            ? " (+"
                                + n[Planned.Effect.SECOND_APPROVER.ordinal()]
                                + " for a second approver)"
                            : "")
                        + (n[Planned.Effect.SKIP.ordinal()] > 0
                            ? ", skipped " + n[Planned.Effect.SKIP.ordinal()]
                            : "")));
    out.append("\n• Would have: ").append(String.join(" · ", steps));
    if (!r.skipReasons().isEmpty()) {
      out.append("\n• Skipped because: ")
          .append(
              r.skipReasons().entrySet().stream()
                  .limit(REASONS_SHOWN)
                  .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + "×)" : ""))
                  .collect(Collectors.joining("; ")))
          .append(r.skipReasons().size() > REASONS_SHOWN ? "; …" : "");
    }
    if (rule.acceptStep().isPresent()) {
      out.append("\n• Would have refunded: ")
          .append(r.refunds().isEmpty() ? "nothing" : money(r.refunds()));
      if (!r.waiting().isEmpty()) {
        out.append(" (and ")
            .append(money(r.waiting()))
            .append(" more after a second approver's yes)");
      }
    }
    out.append("\n• What people did on them (audit log): ")
        .append(
            r.people().isEmpty()
                ? "nothing recorded"
                : r.people().entrySet().stream()
                    .map(
                        e ->
                            e.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                + " "
                                + e.getValue())
                    .collect(Collectors.joining(" · ")));
    out.append("\n• How they ended: ")
        .append(r.lost())
        .append(" lost, ")
        .append(r.won())
        .append(" won, ")
        .append(r.open())
        .append(" still open; PayPal refunded ")
        .append(r.refundedActually().isEmpty() ? "nothing" : money(r.refundedActually()))
        .append(".");
    return out.toString();
  }

  /** The replay judges the filter on each dispute as stored now, not as it was at the trigger. */
  private static String filterNote(RuleSettings rule) {
    return rule.when().isEverything() ? "" : "\n• " + FILTER_NOTE;
  }

  private static String money(Map<String, BigDecimal> totals) {
    return totals.entrySet().stream()
        .map(e -> "*" + new Money(e.getKey(), e.getValue()).display() + "*")
        .collect(Collectors.joining(", "));
  }
}
