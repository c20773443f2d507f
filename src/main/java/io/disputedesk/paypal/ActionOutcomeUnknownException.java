package io.disputedesk.paypal;

import java.util.List;

/**
 * A dispute action was sent but PayPal's answer was lost (timeout, broken connection or 5xx): it
 * may or may not have been executed. Read the dispute again before trying once more, because PayPal
 * does not deduplicate actions by {@code PayPal-Request-Id}.
 */
public final class ActionOutcomeUnknownException extends PayPalException {

  public ActionOutcomeUnknownException(
      String operation,
      int httpStatus,
      String name,
      String paypalMessage,
      String debugId,
      List<Problem> issues,
      Throwable cause) {
    super(operation, httpStatus, name, paypalMessage, debugId, issues, cause);
  }
}
