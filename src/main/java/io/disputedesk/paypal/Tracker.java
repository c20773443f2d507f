package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A shipment PayPal holds for a transaction ({@code GET /v1/shipping/trackers}). Every field may be
 * absent; dates are kept as PayPal wrote them and read leniently.
 */
public record Tracker(
    String transactionId,
    String trackingNumber,
    TrackingStatus status,
    String shipmentDate,
    String carrier,
    String carrierNameOther,
    String trackingUrl,
    String lastUpdatedTime,
    String shipmentDirection) {

  /** The day it shipped, when PayPal has a readable one. */
  @JsonIgnore
  public Optional<LocalDate> shippedOn() {
    return PayPalDates.date(shipmentDate);
  }

  /** True for the buyer's shipment back to the seller. */
  @JsonIgnore
  public boolean isReturn() {
    return "RETURN".equalsIgnoreCase(shipmentDirection);
  }

  /** The carrier as a person reads it: the name for {@code OTHER}, else PayPal's code. */
  @JsonIgnore
  public Optional<String> carrierName() {
    if (carrierNameOther != null
        && !carrierNameOther.isBlank()
        && (carrier == null || "OTHER".equals(carrier))) {
      return Optional.of(carrierNameOther);
    }
    return Optional.ofNullable(carrier).filter(c -> !c.isBlank());
  }
}
