package io.disputedesk.config;

import io.disputedesk.store.UrlSecrets;
import java.util.Optional;

/**
 * Everything the bot needs to run, validated.
 *
 * @param auditRetentionDays how many days audit log entries are kept before the daily prune
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
    Optional<Secret> metricsToken,
    int auditRetentionDays) {

  /** As the record prints itself, but the database URL without its password ({@code password=…}, {@code user:pass@}). */
  @Override
  public String toString() {
    return "Config[slack=" + slack + ", paypal=" + paypal + ", databaseUrl=" + UrlSecrets.of(databaseUrl).redactedUrl()
        + ", port=" + port + ", schedule=" + schedule + ", roles=" + roles + ", approvalThreshold=" + approvalThreshold
        + ", metricsToken=" + metricsToken
        + ", auditRetentionDays=" + auditRetentionDays + "]";
  }
}
