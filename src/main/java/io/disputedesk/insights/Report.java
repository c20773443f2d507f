package io.disputedesk.insights;

import io.disputedesk.dispute.ReportData;
import java.time.LocalDate;

/** A report ready to share: its period and figures, and the PNG. */
public record Report(ReportPeriod period, ReportData data, byte[] png) {
  public Report {
    png = png.clone();
  }

  @Override
  public byte[] png() {
    return png.clone();
  }

  /** {@code dispute-report-90d-2026-11-23.png}: the period and the local day the report ends. */
  public String filename() {
    return "dispute-report-" + period.slug() + "-" + endDay() + ".png";
  }

  public String title() {
    return "Dispute report · " + period.title();
  }

  private LocalDate endDay() {
    return period.to().equals(period.from())
        ? period.to().atZone(period.zone()).toLocalDate()
        : period.to().minusMillis(1).atZone(period.zone()).toLocalDate();
  }
}
