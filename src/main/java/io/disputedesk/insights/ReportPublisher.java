package io.disputedesk.insights;

/**
 * Where the weekly report goes: the Slack layer shares its image with a message that says its
 * figures. {@code filename} names this one intent (so a share whose answer was lost is found, not
 * repeated) and {@code dedupeKey} the queued write; true when it was queued and was not before.
 */
public interface ReportPublisher {
  boolean share(String channel, String dedupeKey, String filename, String title, Report report);
}
