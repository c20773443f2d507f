package io.disputedesk.paypal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@link PayPalClient} per PayPal account the bot serves, each with its own credentials (or its
 * partner's, acting for the merchant) and its own cached token, so that one account's outage or
 * revoked permission touches only its own calls.
 */
public final class PayPalAccounts {
  private final Map<String, PayPalClient> clients;

  /** The clients by account name, in the configured order; at least one. */
  public PayPalAccounts(Map<String, PayPalClient> clients) {
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("at least one PayPal account is needed");
    }
    this.clients = new LinkedHashMap<>(clients);
  }

  /** A single account's client under {@code name}. */
  public static PayPalAccounts single(String name, PayPalClient client) {
    return new PayPalAccounts(Map.of(name, Objects.requireNonNull(client, "client")));
  }

  /**
   * The client of {@code account}; throws {@link PayPalException} (nothing sent) when the bot has
   * no such account, e.g. a dispute stored under an account since removed from the settings.
   */
  public PayPalClient client(String account) {
    PayPalClient client = clients.get(account);
    if (client == null) {
      throw new PayPalException(
          "account",
          "no PayPal account named \""
              + account
              + "\" is configured (accounts: "
              + String.join(", ", clients.keySet())
              + ")",
          null);
    }
    return client;
  }

  public boolean has(String account) {
    return clients.containsKey(account);
  }

  public List<String> names() {
    return List.copyOf(clients.keySet());
  }

  /** The first configured account's name. */
  public String first() {
    return clients.keySet().iterator().next();
  }

  /** The longest a dispute action may take, over every account's client. */
  public java.time.Duration worstCaseActionCall() {
    return clients.values().stream()
        .map(PayPalClient::worstCaseActionCall)
        .max(java.time.Duration::compareTo)
        .orElseThrow();
  }
}
