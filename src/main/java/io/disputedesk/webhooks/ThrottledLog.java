package io.disputedesk.webhooks;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Writes at most one warning per period, so a flood of bad requests cannot flood the log; the next
 * warning written says how many were held back.
 */
final class ThrottledLog {
  private final Logger log;
  private final long periodNanos;
  private final LongSupplier nanoTime;
  private boolean written;
  private long lastAt;
  private long held;

  ThrottledLog(Logger log, Duration period, LongSupplier nanoTime) {
    this.log = log;
    this.periodNanos = period.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Like {@link Logger#warn(String, Object...)}, unless a warning was written less than a period
   * ago.
   */
  void warn(String format, Object... args) {
    long heldBack;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (written && now - lastAt < periodNanos) {
        held++;
        return;
      }
      written = true;
      lastAt = now;
      heldBack = held;
      held = 0;
    }
    if (heldBack == 0) {
      log.warn(format, args);
    } else {
      Object[] all = Arrays.copyOf(args, args.length + 1);
      all[args.length] = heldBack;
      log.warn(format + " ({} more like this since the last one were not logged)", all);
    }
  }
}
