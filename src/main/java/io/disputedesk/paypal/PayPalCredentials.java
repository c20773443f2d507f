package io.disputedesk.paypal;

import java.util.Objects;

/** Where PayPal is and the REST app credentials to call it with. */
public record PayPalCredentials(String baseUrl, String clientId, String clientSecret) {

  public PayPalCredentials {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (clientId.isBlank() || clientSecret.isBlank()) {
      throw new IllegalArgumentException("PayPal client id and secret must not be blank");
    }
  }

  @Override
  public String toString() {
    // The secret must never reach a log line or an exception message.
    return "PayPalCredentials[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=***]";
  }
}
