package io.disputedesk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The tests' one clock: either real time a test can jump ahead ({@code new ShiftableClock()}), or a
 * time that stands still until the test moves it ({@code new ShiftableClock(start)}). Safe to share
 * between threads; {@link #withZone} views share its time.
 */
public final class ShiftableClock extends Clock {
  private final Supplier<Instant> base;
  private final AtomicReference<Duration> shift;
  private final ZoneId zone;

  /** Real time, moved ahead by what {@link #advance} adds. */
  public ShiftableClock() {
    this(Instant::now, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  /** Stands at {@code start} until moved. */
  public ShiftableClock(Instant start) {
    this(() -> start, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  private ShiftableClock(Supplier<Instant> base, AtomicReference<Duration> shift, ZoneId zone) {
    this.base = base;
    this.shift = shift;
    this.zone = zone;
  }

  /** Moves the clock forward (or back, with a negative duration) and returns the new time. */
  public Instant advance(Duration by) {
    Instant from = base.get();
    return from.plus(shift.updateAndGet(s -> s.plus(by)));
  }

  /** Moves the clock to {@code instant}. */
  public void set(Instant instant) {
    shift.set(Duration.between(base.get(), instant));
  }

  @Override
  public Instant instant() {
    return base.get().plus(shift.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that still shares this clock's time. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new ShiftableClock(base, shift, newZone);
  }
}
