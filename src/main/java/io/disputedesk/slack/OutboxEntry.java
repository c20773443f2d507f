package io.disputedesk.slack;

import java.util.Objects;

/**
 * A Slack write to make. {@code kind} is CARD, THREAD, MESSAGE (see the schema) or FILE (a file
 * shared in the channel, whose id then stands in {@code sent_ts}); {@code disputeId} (nullable)
 * orders a dispute's writes; {@code payload} is the sender's to define.
 */
public record OutboxEntry(
    String dedupeKey, String kind, String channel, String disputeId, String payload) {
  public OutboxEntry {
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
  }
}
