package io.disputedesk.slack;

import io.disputedesk.insights.Report;
import io.disputedesk.insights.ReportPublisher;

/** A report as a file with its message (ReportText), queued by the Notifier. */
public final class SlackReportPublisher implements ReportPublisher {
  private final Notifier notifier;

  public SlackReportPublisher(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public boolean share(
      String channel, String dedupeKey, String filename, String title, Report report) {
    return notifier.channelFile(
        channel, dedupeKey, new FilePost(filename, title, ReportText.text(report), report.png()));
  }
}
