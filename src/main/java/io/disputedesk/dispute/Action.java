package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.Money;
import java.time.Instant;

/**
 * A recorded PayPal action; {@code requestId} is sent as PayPal-Request-Id. {@code startedAt} is
 * when its PayPal call began (null while it awaits approval), {@code leaseUntil} how long the
 * process running it holds it (IN_FLIGHT only), and {@code seenJson} what the person saw of the
 * dispute when asking (nullable).
 */
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
    Instant updatedAt,
    Instant startedAt,
    Instant leaseUntil,
    String seenJson) {

  /** When the PayPal call began, or for older rows the best guess: when the row was recorded. */
  public Instant began() {
    return startedAt != null ? startedAt : createdAt;
  }
}
