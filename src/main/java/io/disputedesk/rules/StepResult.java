package io.disputedesk.rules;

import io.disputedesk.actions.ActionOutcome;

/**
 * What one planned step of a live run did. {@code detail} is plain words: why a step was skipped,
 * or why it failed before reaching a service; {@code refusal} is the service's answer when it
 * refused (nullable).
 */
public record StepResult(Planned planned, Status status, String detail, ActionOutcome refusal) {
  /** Skipped as planned; done; waiting for a second approver; sent but not confirmed; failed. */
  public enum Status {
    SKIPPED,
    DONE,
    AWAITING_APPROVAL,
    UNCONFIRMED,
    FAILED
  }

  static StepResult of(Planned planned, Status status) {
    return new StepResult(planned, status, null, null);
  }

  static StepResult failed(Planned planned, String detail) {
    return new StepResult(planned, Status.FAILED, detail, null);
  }

  static StepResult refused(Planned planned, ActionOutcome refusal) {
    return new StepResult(planned, Status.FAILED, null, refusal);
  }

  /** False when the step failed (a skip as planned is fine). */
  public boolean ok() {
    return status != Status.FAILED;
  }
}
