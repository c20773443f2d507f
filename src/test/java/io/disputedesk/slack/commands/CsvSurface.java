package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeLine;

/** The export's CSV for one dispute (for wording tests). */
public final class CsvSurface {
  private CsvSurface() {}

  public static String csv(DisputeLine line) {
    ExportCsv csv = new ExportCsv();
    csv.add(line);
    return csv.text();
  }
}
