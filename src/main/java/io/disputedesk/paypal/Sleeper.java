package io.disputedesk.paypal;

import java.time.Duration;

/** Waits between retries; tests pass one that only records the wait. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
