package io.disputedesk.config;

import io.disputedesk.store.UrlSecrets;
import java.util.Optional;

/**
 * Everything the bot needs to run, validated.
 *
 * @param metricsToken the bearer token that unlocks {@code /metrics} and {@code /healthz?verbose}
 */
public record Config(
    SlackSettings slack,
    PayPalSettings paypal,
    String databaseUrl,
    int port,
    Schedule schedule,
    Roles roles,
    ApprovalThreshold approvalThreshold,
    Optional<Secret> metricsToken) {

  /** As the record prints itself, but the database URL without its password ({@code password=…}, {@code user:pass@}). */
  @Override
  public String toString() {
    return "Config[slack=" + slack + ", paypal=" + paypal + ", databaseUrl=" + UrlSecrets.of(databaseUrl).redactedUrl()
        + ", port=" + port + ", schedule=" + schedule + ", roles=" + roles + ", approvalThreshold=" + approvalThreshold
        + ", metricsToken=" + metricsToken + "]";
  }
}
