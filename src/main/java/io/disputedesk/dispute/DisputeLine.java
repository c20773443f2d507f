package io.disputedesk.dispute;

import java.time.Instant;

/**
 * One dispute as lists, the digest, reminders and exports show it: the stored columns (enum names
 * as text, money in minor units of {@code currency}), its owner, its card's location (its first
 * card still routed, when it has cards in several channels) and its PayPal account. Every field but
 * the id may be null.
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
    String cardTs,
    String account) {

  /** The account every dispute had before accounts existed. */
  public static final String DEFAULT_ACCOUNT = "default";

  public DisputeLine(
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
    this(
        disputeId,
        reason,
        status,
        stage,
        amountMinor,
        currency,
        createTime,
        sellerDue,
        buyerDue,
        firstSeenAt,
        firstActionAt,
        resolvedAt,
        outcomeCode,
        refundedMinor,
        ownerUserId,
        cardChannel,
        cardTs,
        DEFAULT_ACCOUNT);
  }

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
