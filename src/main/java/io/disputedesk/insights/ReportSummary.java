package io.disputedesk.insights;

import io.disputedesk.dispute.OutcomeDetail;
import io.disputedesk.dispute.ReportData;
import io.disputedesk.dispute.Words;
import io.disputedesk.slack.Mrkdwn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The few lines that go with the report image, and the key figures its header shows. */
public final class ReportSummary {
  private ReportSummary() {}

  /** One line: opened, resolved, win rate, median time to first action, deadlines met. */
  public static String figures(ReportData d) {
    List<String> parts = new ArrayList<>();
    parts.add(d.opened() + " opened");
    parts.add(d.resolved() + " resolved");
    parts.add("win rate " + (d.winRate().isPresent() ? Math.round(d.winRate().getAsDouble() * 100) + "%" : "—"));
    Duration median = d.medianFirstAction();
    parts.add("median time to first action " + (median == null ? "—" : Words.span(median)));
    parts.add("deadlines met " + (d.deadlinesDue() == 0 ? "—"
        : d.deadlinesMet() + " of " + d.deadlinesDue() + " (" + Math.round(100.0 * d.deadlinesMet() / d.deadlinesDue())
            + "%)"));
    return String.join(" · ", parts);
  }

  /** The message text (Slack mrkdwn) that introduces the report file. */
  public static String text(ReportPeriod period, ReportData d) {
    StringBuilder s = new StringBuilder(":bar_chart: *Dispute report · ").append(period.title()).append("* (")
        .append(period.dates()).append(", ").append(period.zone().getId()).append(")\n");
    if (d.isEmpty()) {
      return s.append("No dispute was opened, resolved or due in this period.").toString();
    }
    s.append(figures(d)).append('\n');
    List<String> outcomes = new ArrayList<>();
    for (OutcomeDetail o : OutcomeDetail.values()) {
      if (d.resolved(o) > 0) {
        outcomes.add(WeeklyCharts.name(o).toLowerCase(Locale.ENGLISH) + " " + d.resolved(o));
      }
    }
    if (!outcomes.isEmpty()) {
      s.append("Outcomes: ").append(String.join(" · ", outcomes)).append('\n');
    }
    String recovered = amounts(d, ReportData.Amounts::recoveredMinor);
    String refunded = amounts(d, ReportData.Amounts::refundedMinor);
    s.append("Recovered ").append(recovered.isEmpty() ? "nothing" : recovered)
        .append(" · refunded ").append(refunded.isEmpty() ? "nothing" : refunded);
    return s.toString();
  }

  private static String amounts(ReportData d, ToLongFunction<ReportData.Amounts> pick) {
    List<String> parts = new ArrayList<>();
    for (ReportData.CurrencyAmounts c : d.currencies()) {
      long minor = pick.applyAsLong(c.amounts());
      if (minor > 0) {
        // The currency code is PayPal's text: escaped so that it can never become a mention or a link.
        parts.add(Mrkdwn.escape(Words.money(minor, c.currency())));
      }
    }
    return String.join(" + ", parts);
  }
}
