package io.disputedesk.config;

import io.disputedesk.store.UrlSecrets;
import java.util.List;
import java.util.Optional;

/**
 * Everything the bot needs to run, validated.
 *
 * @param bindAddress the IP address the HTTP front door listens on ({@code 0.0.0.0}: every
 *     interface)
 * @param auditRetentionDays how many days audit log entries are kept before the daily prune
 * @param metricsToken the bearer token that unlocks {@code /metrics} and {@code /healthz?verbose}
 * @param accounts the PayPal accounts served, never empty; {@code paypal} is the first one's app
 */
public record Config(
    SlackSettings slack,
    PayPalSettings paypal,
    String databaseUrl,
    int port,
    String bindAddress,
    Schedule schedule,
    Roles roles,
    ApprovalThreshold approvalThreshold,
    Optional<Secret> metricsToken,
    int auditRetentionDays,
    List<AccountSettings> accounts) {

  public Config {
    accounts = List.copyOf(accounts);
  }

  /**
   * True when the bot serves more than one PayPal account (cards and lists then name the account).
   */
  public boolean severalAccounts() {
    return accounts.size() > 1;
  }

  /**
   * As the record prints itself, but the database URL without its password ({@code password=…},
   * {@code user:pass@}).
   */
  @Override
  public String toString() {
    return "Config[slack="
        + slack
        + ", paypal="
        + paypal
        + ", databaseUrl="
        + UrlSecrets.of(databaseUrl).redactedUrl()
        + ", port="
        + port
        + ", bindAddress="
        + bindAddress
        + ", schedule="
        + schedule
        + ", roles="
        + roles
        + ", approvalThreshold="
        + approvalThreshold
        + ", metricsToken="
        + metricsToken
        + ", auditRetentionDays="
        + auditRetentionDays
        + ", accounts="
        + accounts
        + "]";
  }
}
