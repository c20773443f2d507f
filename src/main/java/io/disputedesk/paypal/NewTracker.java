package io.disputedesk.paypal;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A shipment to add to a PayPal transaction ({@code POST /v1/shipping/trackers}), checked against
 * the spec's {@code tracker} schema: a carrier goes with every tracking number, and a carrier
 * name with {@code OTHER}.
 */
public record NewTracker(
    String transactionId,
    String trackingNumber,
    TrackingStatus status,
    String carrier,
    String carrierNameOther,
    LocalDate shipmentDate,
    Boolean notifyBuyer) {
  private static final Pattern TRANSACTION_ID = Pattern.compile("^[a-zA-Z0-9]*$");

  public NewTracker {
    Check.matches("transactionId", transactionId, TRANSACTION_ID, 50);
    Check.optionalText("trackingNumber", trackingNumber, 64);
    Check.known("status", status);
    Check.optionalText("carrier", carrier, 64);
    Check.optionalText("carrierNameOther", carrierNameOther, 64);
    if (trackingNumber != null && carrier == null) {
      throw new IllegalArgumentException("a tracking number needs its carrier");
    }
    if ("OTHER".equals(carrier) && carrierNameOther == null) {
      throw new IllegalArgumentException("carrier OTHER needs carrierNameOther");
    }
  }

  /** A shipped parcel with its carrier's tracking number, shipped today or on {@code shipped}. */
  public static NewTracker shipped(String transactionId, String carrier, String trackingNumber, LocalDate shipped) {
    return new NewTracker(transactionId, trackingNumber, TrackingStatus.SHIPPED, carrier, null, shipped, null);
  }
}
