package io.disputedesk.dispute;

/**
 * Where a PayPal action stands. Open statuses hold the dispute's one slot for the action's kind.
 */
public enum ActionStatus {
  AWAITING_APPROVAL,
  IN_FLIGHT,
  SUCCEEDED,
  FAILED,
  /** Sent, but PayPal's answer was lost: must be reconciled before the kind is free again. */
  UNKNOWN,
  REJECTED,
  CANCELLED;

  /** Matches the {@code actions_one_open} index in the schema. */
  public boolean isOpen() {
    return this == AWAITING_APPROVAL || this == IN_FLIGHT || this == UNKNOWN;
  }
}
