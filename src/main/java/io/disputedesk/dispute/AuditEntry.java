package io.disputedesk.dispute;

import java.time.Instant;

/**
 * One attempted action, allowed or not; only {@code at}, {@code action} and {@code outcome} are
 * required.
 */
public record AuditEntry(
    Instant at,
    String userId,
    String disputeId,
    String action,
    String requestSummary,
    String outcome,
    String debugId,
    String detail) {}
