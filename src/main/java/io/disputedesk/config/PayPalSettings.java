package io.disputedesk.config;

import java.util.Optional;

/** How the bot talks to PayPal. */
public record PayPalSettings(
    String clientId,
    Secret clientSecret,
    PayPalEnv env,
    String baseUrl,
    Optional<String> webhookId) {

  /** The live and sandbox REST hosts. */
  public enum PayPalEnv {
    SANDBOX("https://api-m.sandbox.paypal.com"),
    LIVE("https://api-m.paypal.com");

    private final String baseUrl;

    PayPalEnv(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String baseUrl() {
      return baseUrl;
    }
  }
}
