package io.disputedesk.sim;

import java.util.List;

/**
 * How a test reads and moves on the payments behind disputes, as PayPal's Transaction Search and
 * Shipment Tracking see them.
 */
public final class OrderControls {
  private final SimDisputes store;
  private final SimPermissions permissions;

  OrderControls(SimDisputes store, SimPermissions permissions) {
    this.store = store;
    this.permissions = permissions;
  }

  /**
   * The seller transaction id of the dispute: what Transaction Search and Shipment Tracking look
   * up.
   */
  public String sellerTransactionId(String disputeId) {
    return store
        .read(disputeId, d -> d.sellerTransactionId)
        .orElseThrow(() -> new SimulatorException("no dispute " + disputeId));
  }

  /** The tracking numbers PayPal holds for the dispute's payment, shipments to the buyer first. */
  public List<String> trackingNumbers(String disputeId) {
    return store
        .read(
            disputeId,
            d ->
                d.order.trackers.stream()
                    .sorted((a, b) -> Boolean.compare(a.isReturn(), b.isReturn()))
                    .map(SimTracker::trackingNumber)
                    .toList())
        .orElseThrow(() -> new SimulatorException("no dispute " + disputeId));
  }

  /**
   * The carrier moves every shipment to the buyer on to {@code status} (e.g. DELIVERED); the
   * dispute is unchanged.
   */
  public void setTrackingStatus(String disputeId, String status) {
    if (!SimTracker.STATUSES.contains(status)) {
      throw new IllegalArgumentException("not a PayPal tracking status: " + status);
    }
    String txn = sellerTransactionId(disputeId);
    store.byTransaction(
        txn,
        d -> {
          d.order.trackers.replaceAll(
              t ->
                  t.isReturn()
                      ? t
                      : new SimTracker(
                          t.carrier(), t.trackingNumber(), status, t.shipmentDate(), false));
          return null;
        });
  }

  /**
   * Turns the app's Transaction Search feature on or off (off: 403 NOT_AUTHORIZED, and no scope in
   * new tokens).
   */
  public void transactionSearch(boolean enabled) {
    permissions.transactionSearch(enabled);
  }

  /** Turns the app's Shipment Tracking access on or off, as {@link #transactionSearch(boolean)}. */
  public void shipmentTracking(boolean enabled) {
    permissions.shipmentTracking(enabled);
  }
}
