package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Webhook events about a dispute's current state, signed with its merchant's own webhook when it
 * has one.
 */
final class DisputeWebhooks {
  private final SimDisputes store;
  private final DisputeJson json;
  private final SimAccounts accounts;
  private final Webhooks webhooks;

  DisputeWebhooks(SimDisputes store, DisputeJson json, SimAccounts accounts, Webhooks webhooks) {
    this.store = store;
    this.json = json;
    this.accounts = accounts;
    this.webhooks = webhooks;
  }

  int send(String url, String eventType, String disputeId) {
    String merchant =
        store.read(disputeId, d -> d.merchant).orElse(PayPalSimulator.DEFAULT_MERCHANT);
    String hook =
        merchant.equals(PayPalSimulator.DEFAULT_MERCHANT)
            ? null
            : accounts.webhookIdOfMerchant(merchant).orElse(null);
    return hook == null
        ? webhooks.send(url, eventType, disputeId, detail(disputeId))
        : webhooks.send(url, hook, eventType, disputeId, detail(disputeId));
  }

  int send(String url, String webhookId, String eventType, String disputeId) {
    return webhooks.send(url, webhookId, eventType, disputeId, detail(disputeId));
  }

  int resendLast(String url) {
    return webhooks.resendLast(url);
  }

  private ObjectNode detail(String disputeId) {
    return store
        .read(disputeId, json::detail)
        .orElseThrow(() -> new SimulatorException("no dispute " + disputeId));
  }
}
