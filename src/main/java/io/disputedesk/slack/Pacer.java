package io.disputedesk.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Spaces out writes to each channel (Slack allows about one message per second per channel). */
final class Pacer {
  private final Duration interval;
  private final Map<String, Instant> readyAt = new HashMap<>();

  Pacer(Duration interval) {
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** How long to wait before writing to the channel; zero when it is free. */
  synchronized Duration waitFor(String channel, Instant now) {
    Instant ready = readyAt.get(channel);
    return ready == null || !ready.isAfter(now) ? Duration.ZERO : Duration.between(now, ready);
  }

  /** A write to the channel was made at {@code now}. */
  synchronized void wrote(String channel, Instant now) {
    readyAt.merge(channel, now.plus(interval), Pacer::later);
  }

  /**
   * Books the channel's next free slot for a write from another thread: how long to wait before
   * writing; the slot after it is then taken as if written.
   */
  synchronized Duration reserve(String channel, Instant now) {
    Duration wait = waitFor(channel, now);
    readyAt.put(channel, now.plus(wait).plus(interval));
    return wait;
  }

  /** Slack asked us to leave the channel alone until {@code until}. */
  synchronized void pause(String channel, Instant until) {
    readyAt.merge(channel, until, Pacer::later);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
