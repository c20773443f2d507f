package io.disputedesk.config;

/** Everything the bot needs to run, validated. */
public record Config(
    SlackSettings slack,
    PayPalSettings paypal,
    String databaseUrl,
    int port,
    Schedule schedule,
    Roles roles,
    ApprovalThreshold approvalThreshold) {}
