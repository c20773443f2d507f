package io.disputedesk.config;

/**
 * Everything the bot needs to run, validated.
 *
 * @param auditRetentionDays how many days audit log entries are kept before the daily prune
 */
public record Config(
    SlackSettings slack,
    PayPalSettings paypal,
    String databaseUrl,
    int port,
    Schedule schedule,
    Roles roles,
    ApprovalThreshold approvalThreshold,
    int auditRetentionDays) {}
