package io.disputedesk.insights;

import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.dispute.ReportData;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Makes reports in the team's zone (the digest zone): the figures from the database, then the image
 * and the summary from those figures.
 */
public final class Reports {
  private final DisputeQueries queries;
  private final ZoneId zone;

  public Reports(DisputeQueries queries, ZoneId zone) {
    this.queries = queries;
    this.zone = zone;
  }

  /** The zone whose weeks and quarters the reports follow. */
  public ZoneId zone() {
    return zone;
  }

  /** The report of the range as of {@code now}. */
  public Report render(ReportRange range, Instant now) {
    return render(range.at(now, zone));
  }

  /** The figures of the period (what the chart, the summary and the weekly CSV show). */
  public ReportData data(ReportPeriod period) {
    return data(period, DisputeScope.everything());
  }

  /** The figures of the period over the disputes in {@code scope} (those routed to a channel). */
  public ReportData data(ReportPeriod period, DisputeScope scope) {
    return queries.report(period.from(), period.to(), period.zone(), scope);
  }

  /**
   * The whole report: reads the database and renders the PNG (a second or less; never on an ack
   * path).
   */
  public Report render(ReportPeriod period) {
    return render(period, DisputeScope.everything());
  }

  /** The whole report over the disputes in {@code scope}. */
  public Report render(ReportPeriod period, DisputeScope scope) {
    ReportData data = data(period, scope);
    return new Report(period, data, ReportImage.png(period, data));
  }
}
