package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.Money;
import java.time.Instant;

/** A recorded PayPal action; {@code requestId} is sent as PayPal-Request-Id so retries are idempotent. */
public record Action(
    long id,
    String disputeId,
    DisputeAction kind,
    String intentKey,
    String requestId,
    String requestedBy,
    String approvedBy,
    ActionStatus status,
    Money amount,
    String requestJson,
    String outcome,
    String debugId,
    Instant createdAt,
    Instant updatedAt) {}
