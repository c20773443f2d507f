package io.disputedesk.slack;

/**
 * An outbox row could not be turned into a Slack call for a reason of our own (its dispute is not
 * stored, its card cannot be drawn, its payload cannot be read): nothing was sent to Slack.
 */
final class UndeliverableException extends RuntimeException {
  private final String reason;

  UndeliverableException(String reason, Throwable cause) {
    super(reason, cause);
    this.reason = reason;
  }

  /** A short reason without buyer data, e.g. {@code card not drawn: IllegalStateException}. */
  String reason() {
    return reason;
  }
}
