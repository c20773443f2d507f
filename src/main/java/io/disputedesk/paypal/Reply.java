package io.disputedesk.paypal;

/** One HTTP answer from PayPal, read in full: status, body text and the headers we use. */
record Reply(int status, String body, String debugId, String retryAfter) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** 429 and 5xx: worth another try for calls that are safe to repeat. */
  boolean isRetryable() {
    return status == 429 || status >= 500;
  }
}
