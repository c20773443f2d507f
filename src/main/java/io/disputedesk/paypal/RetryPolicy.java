package io.disputedesk.paypal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** How often and how long to wait before repeating a call that is safe to repeat. */
record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration maxRetryAfter) {

  /** Four attempts, 250 ms doubling up to 10 s; a Retry-After over a minute is not waited for. */
  static RetryPolicy standard() {
    return new RetryPolicy(
        4, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  /**
   * The longest a repeatable call can take when each HTTP exchange is cut off after {@code
   * callTimeout}: every attempt runs to the timeout and each pause is the longest one waited for
   * (the backoff cap, or a Retry-After up to {@link #maxRetryAfter}).
   */
  Duration worstCase(Duration callTimeout) {
    Duration longestPause = cap.compareTo(maxRetryAfter) > 0 ? cap : maxRetryAfter;
    return callTimeout.multipliedBy(maxAttempts).plus(longestPause.multipliedBy(maxAttempts - 1L));
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based): exponential, capped, with "equal
   * jitter" so that many clients throttled together do not come back together.
   */
  Duration backoff(int attempt, DoubleSupplier random) {
    long exp = base.toMillis() << Math.min(attempt - 1, 20);
    long ceiling = Math.min(cap.toMillis(), exp);
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
  }

  /** The wait PayPal asked for in {@code Retry-After} (delta seconds), if given and readable. */
  static Optional<Duration> retryAfter(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      // An HTTP-date form is legal but PayPal is not known to send it; fall back to backoff.
      return Optional.empty();
    }
  }
}
