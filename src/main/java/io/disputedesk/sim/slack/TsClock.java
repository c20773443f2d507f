package io.disputedesk.sim.slack;

import java.time.Clock;
import java.time.Instant;

/**
 * Issues message timestamps like {@code 1732700000.000100}: from the clock, strictly increasing.
 */
final class TsClock {
  private final Clock clock;
  private long lastMicros;

  TsClock(Clock clock) {
    this.clock = clock;
  }

  synchronized String next() {
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    lastMicros = Math.max(micros, lastMicros + 1);
    return String.format("%d.%06d", lastMicros / 1_000_000, lastMicros % 1_000_000);
  }

  Instant now() {
    return clock.instant();
  }
}
