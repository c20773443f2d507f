package io.disputedesk.slack;

import java.time.Duration;

/**
 * How the outbox sender paces and retries.
 *
 * @param sendInterval least time between two posts (messages, thread replies, new cards) to one
 *     channel
 * @param tick how often the idle sender looks for due rows without being woken
 * @param lease how long claimed rows stay ours; a SENDING row past it is checked by recovery
 * @param maxInlineWait longer pacing waits put the row back instead of sleeping
 * @param recoveryEvery how often to look for SENDING rows whose lease ran out
 * @param updateInterval least time between two card updates ({@code chat.update}) in the workspace
 */
public record SenderSettings(
    Duration sendInterval,
    Duration tick,
    Duration lease,
    int batchSize,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffCap,
    Duration maxInlineWait,
    Duration recoveryEvery,
    Duration updateInterval) {

  /**
   * {@code chat.update} is Slack's Tier 3 (50+ a minute per workspace, bursts tolerated), not the
   * one-per-second-per-channel pacing of {@code chat.postMessage}; see bench/README.md for the
   * choice.
   */
  public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofMillis(50);

  /** Settings with the default card update pacing. */
  public SenderSettings(
      Duration sendInterval,
      Duration tick,
      Duration lease,
      int batchSize,
      int maxAttempts,
      Duration backoffBase,
      Duration backoffCap,
      Duration maxInlineWait,
      Duration recoveryEvery) {
    this(
        sendInterval,
        tick,
        lease,
        batchSize,
        maxAttempts,
        backoffBase,
        backoffCap,
        maxInlineWait,
        recoveryEvery,
        DEFAULT_UPDATE_INTERVAL);
  }

  public static SenderSettings defaults() {
    return new SenderSettings(
        Duration.ofSeconds(1),
        Duration.ofMillis(500),
        Duration.ofMinutes(2),
        10,
        8,
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30));
  }

  public SenderSettings withSendInterval(Duration interval) {
    return new SenderSettings(
        interval,
        tick,
        lease,
        batchSize,
        maxAttempts,
        backoffBase,
        backoffCap,
        maxInlineWait,
        recoveryEvery,
        updateInterval);
  }

  public SenderSettings withUpdateInterval(Duration interval) {
    return new SenderSettings(
        sendInterval,
        tick,
        lease,
        batchSize,
        maxAttempts,
        backoffBase,
        backoffCap,
        maxInlineWait,
        recoveryEvery,
        interval);
  }

  /** The wait after failed attempt {@code attempt} (1-based): doubling from the base, capped. */
  public Duration backoff(int attempt) {
    long millis = backoffBase.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, backoffCap.toMillis()));
  }
}
