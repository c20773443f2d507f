package io.disputedesk.insights;

import io.disputedesk.dispute.ReportData;
import io.disputedesk.dispute.Words;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The key figures a report's header shows (and its message repeats). */
public final class ReportSummary {
  private ReportSummary() {}

  /** One line: opened, resolved, win rate, median time to first action, deadlines met. */
  public static String figures(ReportData d) {
    List<String> parts = new ArrayList<>();
    parts.add(d.opened() + " opened");
    parts.add(d.resolved() + " resolved");
    parts.add(
        "win rate "
            + (d.winRate().isPresent() ? Math.round(d.winRate().getAsDouble() * 100) + "%" : "—"));
    Duration median = d.medianFirstAction();
    parts.add("median time to first action " + (median == null ? "—" : Words.span(median)));
    parts.add(
        "deadlines met "
            + (d.deadlinesDue() == 0
                ? "—"
                : d.deadlinesMet()
                    + " of "
                    + d.deadlinesDue()
                    + " ("
                    + Math.round(100.0 * d.deadlinesMet() / d.deadlinesDue())
                    + "%)"));
    return String.join(" · ", parts);
  }
}
