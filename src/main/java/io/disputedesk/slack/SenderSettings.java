package io.disputedesk.slack;

import java.time.Duration;

/**
 * How the outbox sender paces and retries.
 *
 * @param sendInterval least time between two writes to one channel
 * @param tick how often the idle sender looks for due rows without being woken
 * @param lease how long claimed rows stay ours; a SENDING row past it is checked by recovery
 * @param maxInlineWait longer pacing waits put the row back instead of sleeping
 * @param recoveryEvery how often to look for SENDING rows whose lease ran out
 */
public record SenderSettings(Duration sendInterval, Duration tick, Duration lease, int batchSize, int maxAttempts,
    Duration backoffBase, Duration backoffCap, Duration maxInlineWait, Duration recoveryEvery) {

  public static SenderSettings defaults() {
    return new SenderSettings(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMinutes(2), 10, 8,
        Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(30));
  }

  public SenderSettings withSendInterval(Duration interval) {
    return new SenderSettings(interval, tick, lease, batchSize, maxAttempts, backoffBase, backoffCap, maxInlineWait,
        recoveryEvery);
  }

  /** The wait after failed attempt {@code attempt} (1-based): doubling from the base, capped. */
  public Duration backoff(int attempt) {
    long millis = backoffBase.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, backoffCap.toMillis()));
  }
}
