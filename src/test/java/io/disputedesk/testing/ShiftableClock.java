package io.disputedesk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock moved forward by a settable amount: time still passes, and a test can jump ahead. */
public final class ShiftableClock extends Clock {
  private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

  public void advance(Duration by) {
    shift.updateAndGet(s -> s.plus(by));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
