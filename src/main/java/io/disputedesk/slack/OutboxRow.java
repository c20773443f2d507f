package io.disputedesk.slack;

import java.time.Instant;

/** A stored outbox entry with its delivery state. */
public record OutboxRow(
    long id,
    String dedupeKey,
    String kind,
    String channel,
    String disputeId,
    String payload,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant claimedUntil,
    String sentTs,
    String lastError,
    Instant createdAt,
    Instant sentAt) {

  /** Waiting to be claimed and sent. */
  public static final String PENDING = "PENDING";

  /** The Slack call was started; after a crash the message may or may not exist. */
  public static final String SENDING = "SENDING";

  public static final String SENT = "SENT";

  /** Given up after too many attempts. */
  public static final String FAILED = "FAILED";
}
