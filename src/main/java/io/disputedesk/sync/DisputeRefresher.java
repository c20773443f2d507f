package io.disputedesk.sync;

/**
 * Re-reads one dispute from PayPal now and runs it through the same pipeline as a poll: store,
 * diff, thread replies and card update. Used by the Refresh button, webhooks and actions.
 */
@FunctionalInterface
public interface DisputeRefresher {
  /**
   * Refreshes the dispute; throws {@link io.disputedesk.paypal.PayPalException} if PayPal fails.
   */
  void refresh(String disputeId);
}
