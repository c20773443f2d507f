package io.disputedesk.slack;

import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.dispute.OutcomeDetail;
import io.disputedesk.dispute.ReportData;
import io.disputedesk.dispute.Words;
import io.disputedesk.insights.Report;
import io.disputedesk.insights.ReportPeriod;
import io.disputedesk.insights.ReportSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The message that goes with a report file: its period, key figures, outcomes and amounts. */
public final class ReportText {
  private ReportText() {}

  /** The message text (Slack mrkdwn) that introduces {@code report}'s file. */
  public static String text(Report report) {
    return text(report.period(), report.data());
  }

  /**
   * The text of {@code report} posted in a channel whose figures cover only {@code scope}: a last
   * line names the scope, unless it is every dispute.
   */
  public static String text(Report report, DisputeScope scope) {
    String line = scopeLine(scope);
    return line.isEmpty() ? text(report) : text(report) + "\n" + line;
  }

  /**
   * The line that names the disputes an answer shared in a channel counts ({@code scope}, that
   * channel's routes); empty when the scope is every dispute.
   */
  public static String scopeLine(DisputeScope scope) {
    if (scope.coversEverything()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (DisputeFilter f : scope.anyOf()) {
      parts.add(Mrkdwn.escape(f.words()));
    }
    if (scope.orUnmatched()) {
      parts.add("what no route takes");
    }
    return "Counts only the disputes routed to this channel: "
        + (parts.isEmpty() ? "none" : String.join(" or ", parts))
        + ".";
  }

  /** The message text (Slack mrkdwn) that introduces the report file. */
  public static String text(ReportPeriod period, ReportData d) {
    StringBuilder s =
        new StringBuilder(":bar_chart: *Dispute report · ")
            .append(period.title())
            .append("* (")
            .append(period.dates())
            .append(", ")
            .append(period.zone().getId())
            .append(")\n");
    if (d.isEmpty()) {
      return s.append("No dispute was opened, resolved or due in this period.").toString();
    }
    s.append(ReportSummary.figures(d)).append('\n');
    List<String> outcomes = new ArrayList<>();
    for (OutcomeDetail o : OutcomeDetail.values()) {
      if (d.resolved(o) > 0) {
        outcomes.add(Words.outcome(o).toLowerCase(Locale.ENGLISH) + " " + d.resolved(o));
      }
    }
    if (!outcomes.isEmpty()) {
      s.append("Outcomes: ").append(String.join(" · ", outcomes)).append('\n');
    }
    String recovered = amounts(d, ReportData.Amounts::recoveredMinor);
    String refunded = amounts(d, ReportData.Amounts::refundedMinor);
    s.append("Recovered ")
        .append(recovered.isEmpty() ? "nothing" : recovered)
        .append(" · refunded ")
        .append(refunded.isEmpty() ? "nothing" : refunded);
    return s.toString();
  }

  private static String amounts(ReportData d, ToLongFunction<ReportData.Amounts> pick) {
    List<String> parts = new ArrayList<>();
    for (ReportData.CurrencyAmounts c : d.currencies()) {
      long minor = pick.applyAsLong(c.amounts());
      if (minor > 0) {
        // The currency code is PayPal's text: escaped so that it can never become a mention or a
        // link.
        parts.add(Mrkdwn.escape(Words.money(minor, c.currency())));
      }
    }
    return String.join(" + ", parts);
  }
}
