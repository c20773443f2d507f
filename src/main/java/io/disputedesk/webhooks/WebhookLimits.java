package io.disputedesk.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work a stranger can make the webhook endpoint do. Each delivery that passes the cheap
 * checks costs at most one verification call to PayPal, so over any {@code t} seconds the endpoint
 * makes at most {@code verifyBurst + verifyPerSecond * t} calls, however many requests arrive.
 *
 * @param maxBodyBytes larger deliveries are refused without being parsed (413)
 * @param clockSkew how far {@code PAYPAL-TRANSMISSION-TIME} may be from our clock, either way
 * @param verifyPerSecond verification calls per second, sustained (the token bucket's refill rate)
 * @param verifyBurst verification calls allowed at once after a quiet spell (the bucket's size)
 * @param verifyThreads threads that call PayPal
 * @param verifyQueue deliveries that may wait for one of those threads; more are answered 503 at
 *     once
 * @param verifyTimeout the deadline of one verification call
 * @param logEvery at most one refusal warning per this period, with a count of those held back
 */
public record WebhookLimits(
    int maxBodyBytes,
    Duration clockSkew,
    double verifyPerSecond,
    int verifyBurst,
    int verifyThreads,
    int verifyQueue,
    Duration verifyTimeout,
    Duration logEvery) {

  public WebhookLimits {
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(verifyTimeout, "verifyTimeout");
    Objects.requireNonNull(logEvery, "logEvery");
    if (maxBodyBytes < 1
        || verifyPerSecond <= 0
        || verifyBurst < 1
        || verifyThreads < 1
        || verifyQueue < 0) {
      throw new IllegalArgumentException("webhook limits must be positive");
    }
  }

  /**
   * 256 KiB bodies; five minutes of clock difference; 20 verifications a second after a burst of
   * 20; 2 threads with 2 waiting; 5 s per call; one refusal warning per 10 s. Dispute events come a
   * few a minute even for busy merchants; the rate leaves room for the 10 changes a second the
   * change-to-card target asks for (issue 17), and a flood still costs PayPal a bounded number of
   * calls.
   */
  public static WebhookLimits defaults() {
    return new WebhookLimits(
        256 * 1024,
        Duration.ofMinutes(5),
        20,
        20,
        2,
        2,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /** How long a delivery waits for its verdict: a turn behind a running call, then its own call. */
  Duration verdictDeadline() {
    return verifyTimeout.multipliedBy(2).plusSeconds(1);
  }
}
