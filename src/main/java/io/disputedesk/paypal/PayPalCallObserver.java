package io.disputedesk.paypal;

import java.time.Duration;

/** Told about every HTTP exchange with PayPal, for metrics; status is 0 when no response came. */
@FunctionalInterface
public interface PayPalCallObserver {

  void onCall(String operation, int httpStatus, Duration took);

  /** An observer that ignores every call. */
  static PayPalCallObserver none() {
    return (operation, httpStatus, took) -> {};
  }
}
