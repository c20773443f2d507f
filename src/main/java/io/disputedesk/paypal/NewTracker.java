package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shipment to add to a PayPal transaction ({@code POST /v1/shipping/trackers}), checked against
 * the spec's {@code tracker} schema: a carrier goes with every tracking number, the carrier is one
 * of the spec's codes or {@code OTHER}, and a carrier name goes with {@code OTHER}.
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
    if (carrier != null && !Carriers.OTHER.equals(carrier) && !Carriers.isTrackerCode(carrier)) {
      throw new IllegalArgumentException("not a Shipment Tracking carrier code: " + carrier);
    }
    if (Carriers.OTHER.equals(carrier) && carrierNameOther == null) {
      throw new IllegalArgumentException("carrier OTHER needs carrierNameOther");
    }
  }

  /**
   * A shipped parcel with the carrier as a person typed it: PayPal's code when it is one ("Royal
   * Mail" → {@code ROYAL_MAIL}), else {@code OTHER} with the typed name.
   */
  public static NewTracker typed(String transactionId, String carrier, String trackingNumber) {
    Optional<String> code = Carriers.trackerCode(carrier);
    return new NewTracker(
        transactionId,
        trackingNumber,
        TrackingStatus.SHIPPED,
        code.orElse(Carriers.OTHER),
        code.isPresent() ? null : carrier == null ? null : carrier.strip(),
        null,
        null);
  }

  /** The carrier as a person reads it: the name for {@code OTHER}, else PayPal's code. */
  @JsonIgnore
  public String carrierName() {
    return Carriers.OTHER.equals(carrier) ? carrierNameOther : carrier;
  }

  /** A shipped parcel with its carrier's tracking number, shipped today or on {@code shipped}. */
  public static NewTracker shipped(
      String transactionId, String carrier, String trackingNumber, LocalDate shipped) {
    return new NewTracker(
        transactionId, trackingNumber, TrackingStatus.SHIPPED, carrier, null, shipped, null);
  }
}
