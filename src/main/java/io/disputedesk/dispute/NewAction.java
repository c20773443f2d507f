package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.Money;
import java.util.Objects;

/**
 * An action about to be sent to PayPal. {@code intentKey} names the user's intent (e.g. the Slack
 * view submission) so that a retried click finds the action already begun; {@code seenJson} is what
 * the person saw of the dispute (nullable).
 */
public record NewAction(
    String disputeId,
    DisputeAction kind,
    String intentKey,
    String requestedBy,
    ActionStatus status,
    Money amount,
    String requestJson,
    String seenJson) {

  public NewAction {
    Objects.requireNonNull(disputeId, "disputeId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(intentKey, "intentKey");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestJson, "requestJson");
    if (status != ActionStatus.IN_FLIGHT && status != ActionStatus.AWAITING_APPROVAL) {
      throw new IllegalArgumentException(
          "A new action starts IN_FLIGHT or AWAITING_APPROVAL, not " + status);
    }
  }

  /** Without a record of what the person saw. */
  public NewAction(
      String disputeId,
      DisputeAction kind,
      String intentKey,
      String requestedBy,
      ActionStatus status,
      Money amount,
      String requestJson) {
    this(disputeId, kind, intentKey, requestedBy, status, amount, requestJson, null);
  }
}
