package io.disputedesk.sim;

/**
 * Which optional PayPal features the simulated app has: Transaction Search and Shipment Tracking
 * (both on by default). Switching one off makes its calls answer 403 NOT_AUTHORIZED and drops its
 * scope from new tokens, as PayPal does for an app without the feature.
 */
final class SimPermissions {
  static final String SEARCH_SCOPE = "https://uri.paypal.com/services/reporting/search/read";
  static final String TRACKING_SCOPE =
      "https://uri.paypal.com/services/shipping/trackers/readwrite";

  private volatile boolean transactionSearch = true;
  private volatile boolean shipmentTracking = true;

  boolean transactionSearch() {
    return transactionSearch;
  }

  boolean shipmentTracking() {
    return shipmentTracking;
  }

  void transactionSearch(boolean on) {
    transactionSearch = on;
  }

  void shipmentTracking(boolean on) {
    shipmentTracking = on;
  }

  /** The extra scopes a new token carries. */
  String scopes() {
    return (transactionSearch ? " " + SEARCH_SCOPE : "")
        + (shipmentTracking ? " " + TRACKING_SCOPE : "");
  }
}
