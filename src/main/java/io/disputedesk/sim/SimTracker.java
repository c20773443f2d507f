package io.disputedesk.sim;

import java.time.LocalDate;
import java.util.Set;

/**
 * A shipment the simulated PayPal holds for a payment: carrier code, tracking number (null for a
 * shipment without one), status, the day it shipped (null: the day after payment) and whether it is
 * the buyer's return.
 */
record SimTracker(
    String carrier,
    String trackingNumber,
    String status,
    LocalDate shipmentDate,
    boolean isReturn) {
  /** The shipment statuses PayPal's Shipment Tracking accepts. */
  static final Set<String> STATUSES =
      Set.of(
          "CANCELLED",
          "DELIVERED",
          "LOCAL_PICKUP",
          "ON_HOLD",
          "SHIPPED",
          "SHIPMENT_CREATED",
          "DROPPED_OFF",
          "IN_TRANSIT",
          "RETURNED",
          "LABEL_PRINTED",
          "ERROR",
          "UNCONFIRMED",
          "PICKUP_FAILED",
          "DELIVERY_DELAYED",
          "DELIVERY_SCHEDULED",
          "DELIVERY_FAILED",
          "INRETURN",
          "IN_PROCESS",
          "NEW",
          "VOID",
          "PROCESSED",
          "NOT_SHIPPED",
          "COMPLETED");

  SimTracker withShipmentDate(LocalDate date) {
    return new SimTracker(carrier, trackingNumber, status, date, isReturn);
  }

  /** PayPal's tracker id: {@code <transaction id>-<tracking number>}. */
  String id(String transactionId) {
    return trackingNumber == null ? transactionId : transactionId + "-" + trackingNumber;
  }
}
