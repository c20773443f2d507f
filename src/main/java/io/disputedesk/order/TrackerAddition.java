package io.disputedesk.order;

import io.disputedesk.paypal.NewTracker;

/**
 * A tracker to add to PayPal with an evidence action ({@code actionId}), sent once with {@code
 * requestId} as its PayPal-Request-Id after the evidence went through.
 */
public record TrackerAddition(
    long actionId,
    String disputeId,
    NewTracker tracker,
    String requestId,
    Status status,
    String outcome,
    String debugId) {

  public enum Status {
    /** Waits for its evidence to go through. */
    PLANNED,
    /** Claimed by one process, which is asking PayPal. */
    SENDING,
    /** PayPal holds the tracker now. */
    ADDED,
    /** PayPal did not add it; the evidence stands. */
    FAILED,
    /** The evidence did not go through, so nothing was added. */
    DROPPED
  }
}
