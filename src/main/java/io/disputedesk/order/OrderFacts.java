package io.disputedesk.order;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.TrackingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What PayPal told the bot about the order behind a dispute when it last asked: the items and the
 * ship-to city and country (Transaction Search), and the shipments PayPal holds (Shipment
 * Tracking). Each half can be missing on its own, with the {@link Gap} saying why. Safe to show in
 * the channel: the full ship-to address is kept apart, as a {@link ShippingAddress}.
 *
 * @param order the order from Transaction Search; null when {@code orderGap} says why, or before
 *     the first fetch
 * @param shipments every shipment PayPal holds for the transaction (to the buyer, and any return)
 * @param fetchedAt when PayPal was last asked; null while the first fetch is still to come
 */
public record OrderFacts(
    String disputeId,
    String transactionId,
    Order order,
    Gap orderGap,
    List<Shipment> shipments,
    Gap trackingGap,
    Instant fetchedAt) {

  public OrderFacts {
    Objects.requireNonNull(disputeId, "disputeId");
    shipments = shipments == null ? List.of() : List.copyOf(shipments);
  }

  /** Facts not fetched yet: the card says they are on their way. */
  public static OrderFacts pending(String disputeId) {
    return new OrderFacts(disputeId, null, null, null, List.of(), null, null);
  }

  @JsonIgnore
  public boolean isPending() {
    return fetchedAt == null;
  }

  /** The same facts fetched at another time (equal content compares equal this way). */
  public OrderFacts at(Instant when) {
    return new OrderFacts(disputeId, transactionId, order, orderGap, shipments, trackingGap, when);
  }

  /** Shipments from the seller to the buyer. */
  @JsonIgnore
  public List<Shipment> outbound() {
    return shipments.stream().filter(s -> !s.isReturn()).toList();
  }

  /** The buyer's shipments back to the seller. */
  @JsonIgnore
  public List<Shipment> returns() {
    return shipments.stream().filter(Shipment::isReturn).toList();
  }

  /** True when a shipment to the buyer is marked delivered by its carrier. */
  @JsonIgnore
  public boolean delivered() {
    return outbound().stream().anyMatch(Shipment::isDelivered);
  }

  /** True when PayPal holds a carrier's tracking number for a shipment to the buyer. */
  @JsonIgnore
  public boolean hasTracking() {
    return outbound().stream().anyMatch(s -> s.trackingNumber() != null && s.carrier() != null);
  }

  /** The order: its items, where it went (city and country only), and the total PayPal recorded. */
  public record Order(List<OrderItem> items, ShipTo shipTo, Money total, String invoiceId) {
    public Order {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /** One item as PayPal reports it; the quantity is PayPal's text, prices may be absent. */
  public record OrderItem(String name, String quantity, Money unitPrice, Money amount) {}

  /**
   * The ship-to city and ISO country code: enough to recognise the order, not to find the buyer.
   */
  public record ShipTo(String city, String countryCode) {}

  /**
   * A shipment PayPal holds: the carrier (PayPal's code, or the name given for OTHER), the tracking
   * number, its status and the day it shipped. {@code isReturn} marks the buyer's shipment back.
   */
  public record Shipment(
      String carrier,
      String trackingNumber,
      TrackingStatus status,
      LocalDate shippedOn,
      boolean isReturn) {
    @JsonIgnore
    public boolean isDelivered() {
      return status == TrackingStatus.DELIVERED;
    }
  }

  /** Why part of the facts is missing. Unknown stored values read as {@link #UNKNOWN}. */
  public enum Gap {
    /** PayPal answered 403: the app lacks the feature (Transaction Search, or tracking). */
    NO_PERMISSION,
    /** PayPal does not list the transaction (yet: it can take three hours after payment). */
    NOT_LISTED,
    /** PayPal did not answer in time, or answered 429 or 5xx. */
    PAYPAL_UNAVAILABLE,
    /** PayPal refused the request for another reason (a 4xx). */
    REFUSED,
    /** The dispute names no transaction PayPal can search for. */
    NO_TRANSACTION,
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
