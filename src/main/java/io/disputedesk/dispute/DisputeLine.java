package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeReason;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import java.time.Instant;

/**
 * One dispute as lists, the digest, reminders and exports show it: its values as read from the
 * store (a name we do not know reads as {@code UNKNOWN}), its owner, its card's location (its first
 * card still routed, when it has cards in several channels), its PayPal account and the stored text
 * of its coded values. Every field but the id may be null.
 */
public record DisputeLine(
    String disputeId,
    DisputeReason reason,
    DisputeStatus status,
    LifecycleStage stage,
    Money amount,
    Instant createTime,
    Instant sellerDue,
    Instant buyerDue,
    Instant firstSeenAt,
    Instant firstActionAt,
    Instant resolvedAt,
    Resolution resolution,
    Money refunded,
    String ownerUserId,
    String cardChannel,
    String cardTs,
    String account,
    Codes codes) {

  /** The account every dispute had before accounts existed. */
  public static final String DEFAULT_ACCOUNT = "default";

  /** Without {@code codes}, the names of the values given. */
  public DisputeLine {
    codes = codes == null ? Codes.of(reason, status, stage, resolution) : codes;
  }

  /**
   * The stored text of the coded values, as PayPal named them: the export shows it for machines,
   * including a name we do not know, which the enums read as {@code UNKNOWN}.
   */
  public record Codes(String reason, String status, String stage, String outcome) {

    /** The names of known values (a line made in memory, not read from the store). */
    public static Codes of(
        DisputeReason reason, DisputeStatus status, LifecycleStage stage, Resolution resolution) {
      return new Codes(
          name(reason), name(status), name(stage), resolution == null ? null : resolution.stored());
    }

    private static String name(Enum<?> value) {
      return value == null ? null : value.name();
    }
  }

  public boolean isResolved() {
    return status == DisputeStatus.RESOLVED;
  }

  public boolean waitsForSeller() {
    return status == DisputeStatus.WAITING_FOR_SELLER_RESPONSE;
  }

  /** True when the seller's deadline has passed while PayPal still waits for the seller. */
  public boolean isOverdue(Instant now) {
    return waitsForSeller() && sellerDue != null && !sellerDue.isAfter(now);
  }

  public boolean hasCard() {
    return cardChannel != null && cardTs != null;
  }
}
