package io.disputedesk.config;

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
    Optional<Secret> metricsToken) {}
