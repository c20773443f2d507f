package io.disputedesk.config;

import io.disputedesk.config.PayPalSettings.PayPalEnv;
import java.util.Objects;
import java.util.Optional;

/**
 * One PayPal account the bot serves: a name, and the REST app it calls PayPal with. An account
 * acting for a merchant through a partner app carries the partner's app ({@code partner} names that
 * account) and the merchant's {@code payerId}, which goes into PayPal's {@code
 * PayPal-Auth-Assertion}.
 *
 * @param webhookId the id of the webhook whose events come to {@code /paypal/webhooks/<name>}
 *     ({@code /paypal/webhooks} for the account named {@code default})
 */
public record AccountSettings(
    String name,
    String clientId,
    Secret clientSecret,
    PayPalEnv env,
    String baseUrl,
    Optional<String> webhookId,
    Optional<String> partner,
    Optional<String> payerId) {

  /** The account the single-account settings ({@code PAYPAL_CLIENT_ID}, ...) configure. */
  public static final String DEFAULT = "default";

  public AccountSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(partner, "partner");
    Objects.requireNonNull(payerId, "payerId");
  }

  /** The account of the single-account settings. */
  public static AccountSettings of(String name, PayPalSettings p) {
    return new AccountSettings(
        name,
        p.clientId(),
        p.clientSecret(),
        p.env(),
        p.baseUrl(),
        p.webhookId(),
        Optional.empty(),
        Optional.empty());
  }

  /** This account's app and host as the single-account settings record them. */
  public PayPalSettings paypal() {
    return new PayPalSettings(clientId, clientSecret, env, baseUrl, webhookId);
  }

  /** The path PayPal delivers this account's webhooks to. */
  public String webhookPath() {
    return name.equals(DEFAULT) ? "/paypal/webhooks" : "/paypal/webhooks/" + name;
  }
}
