package io.disputedesk.slack;

/**
 * The stop of an outbox sender: whether one was asked for, how long it lets the lanes flush, and
 * whether it gave up on the sender. A send's outcome is written holding this object's lock, which a
 * stop takes to give up: once it has, the database may be closed, so no write starts and none is
 * under way.
 */
final class SenderStop {
  private volatile boolean asked;
  private volatile boolean abandoned;
  private volatile long flushDeadlineNanos;

  /** A stop is asked for: the lanes flush until {@code deadlineNanos} ({@link System#nanoTime}). */
  void ask(long deadlineNanos) {
    flushDeadlineNanos = deadlineNanos;
    asked = true;
  }

  /** A lane thread was interrupted: the sender stops, with no time to flush. */
  void askNow() {
    asked = true;
  }

  boolean asked() {
    return asked;
  }

  boolean abandoned() {
    return abandoned;
  }

  /** True once the stop gave up on the sender or its grace has run out: nothing more is sent. */
  boolean outOfTime() {
    return abandoned || (asked && System.nanoTime() >= flushDeadlineNanos);
  }

  /** True while a stopping sender may still flush due rows. */
  boolean mayFlush() {
    return !abandoned && System.nanoTime() < flushDeadlineNanos;
  }

  /** Gives up on the sender, once no outcome is being written. */
  synchronized void abandon() {
    abandoned = true;
  }

  /**
   * Runs {@code write} (a send's outcome) unless the stop has given up on the sender; false when it
   * did not run.
   */
  synchronized boolean unlessAbandoned(Runnable write) {
    if (abandoned) {
      return false;
    }
    write.run();
    return true;
  }
}
