package io.disputedesk.paypal;

import java.util.Objects;

/**
 * Where PayPal is and the REST app credentials to call it with; {@code actingForPayerId} (nullable)
 * is the merchant a partner app acts for, named in a {@code PayPal-Auth-Assertion} on every call.
 */
public record PayPalCredentials(
    String baseUrl, String clientId, String clientSecret, String actingForPayerId) {

  public PayPalCredentials {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (clientId.isBlank() || clientSecret.isBlank()) {
      throw new IllegalArgumentException("PayPal client id and secret must not be blank");
    }
    if (actingForPayerId != null && actingForPayerId.isBlank()) {
      throw new IllegalArgumentException("the payer id a partner acts for must not be blank");
    }
  }

  /** The credentials of an app calling for its own account. */
  public PayPalCredentials(String baseUrl, String clientId, String clientSecret) {
    this(baseUrl, clientId, clientSecret, null);
  }

  @Override
  public String toString() {
    // The secret must never reach a log line or an exception message.
    return "PayPalCredentials[baseUrl="
        + baseUrl
        + ", clientId="
        + clientId
        + ", clientSecret=***"
        + (actingForPayerId == null ? "" : ", actingFor=" + actingForPayerId)
        + "]";
  }
}
