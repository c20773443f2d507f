package io.disputedesk.sim;

import java.time.LocalDate;

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

  SimTracker withShipmentDate(LocalDate date) {
    return new SimTracker(carrier, trackingNumber, status, date, isReturn);
  }

  /** PayPal's tracker id: {@code <transaction id>-<tracking number>}. */
  String id(String transactionId) {
    return trackingNumber == null ? transactionId : transactionId + "-" + trackingNumber;
  }
}
