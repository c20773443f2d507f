package io.disputedesk.actions;

import io.disputedesk.paypal.PayPalClient;

/**
 * The PayPal client of a dispute's own account: every call about a dispute goes out with the
 * credentials (or partner assertion) of the account it belongs to. Throws {@link
 * io.disputedesk.paypal.PayPalException}, nothing sent, when that account is not configured.
 */
@FunctionalInterface
public interface DisputeClients {
  PayPalClient forDispute(String disputeId);

  /** Every dispute with one client (a single account). */
  static DisputeClients only(PayPalClient client) {
    return disputeId -> client;
  }
}
