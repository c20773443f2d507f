package io.disputedesk.dispute;

import java.time.Instant;

/**
 * One dispute as lists, the digest, reminders and exports show it: the stored columns (enum
 * names as text, money in minor units of {@code currency}), its owner and its card's location.
 * Every field but the id may be null.
 */
public record DisputeLine(
    String disputeId,
    String reason,
    String status,
    String stage,
    Long amountMinor,
    String currency,
    Instant createTime,
    Instant sellerDue,
    Instant buyerDue,
    Instant firstSeenAt,
    Instant firstActionAt,
    Instant resolvedAt,
    String outcomeCode,
    Long refundedMinor,
    String ownerUserId,
    String cardChannel,
    String cardTs) {

  public boolean isResolved() {
    return "RESOLVED".equals(status);
  }

  public boolean waitsForSeller() {
    return "WAITING_FOR_SELLER_RESPONSE".equals(status);
  }

  /** True when the seller's deadline has passed while PayPal still waits for the seller. */
  public boolean isOverdue(Instant now) {
    return waitsForSeller() && sellerDue != null && !sellerDue.isAfter(now);
  }

  public boolean hasCard() {
    return cardChannel != null && cardTs != null;
  }
}
