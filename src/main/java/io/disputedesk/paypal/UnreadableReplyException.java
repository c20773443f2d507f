package io.disputedesk.paypal;

/** PayPal answered 200 but its body could not be read as the expected JSON. */
public final class UnreadableReplyException extends PayPalException {
  public UnreadableReplyException(String operation, String problem, Throwable cause) {
    super(operation, problem, cause);
  }
}
