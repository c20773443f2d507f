package io.disputedesk.config;

import io.disputedesk.store.UrlSecrets;

/** Everything the bot needs to run, validated. */
public record Config(
    SlackSettings slack,
    PayPalSettings paypal,
    String databaseUrl,
    int port,
    Schedule schedule,
    Roles roles,
    ApprovalThreshold approvalThreshold) {

  /** As the record prints itself, but the database URL without its password ({@code password=…}, {@code user:pass@}). */
  @Override
  public String toString() {
    return "Config[slack=" + slack + ", paypal=" + paypal + ", databaseUrl=" + UrlSecrets.of(databaseUrl).redactedUrl()
        + ", port=" + port + ", schedule=" + schedule + ", roles=" + roles + ", approvalThreshold=" + approvalThreshold
        + "]";
  }
}
