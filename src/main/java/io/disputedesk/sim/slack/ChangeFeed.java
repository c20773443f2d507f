package io.disputedesk.sim.slack;

import java.time.Duration;

/**
 * A version number that goes up on every visible change, with a wait for the next one
 * (long-polling).
 */
final class ChangeFeed {
  private long version;
  private int waiting;

  synchronized void bump() {
    version++;
    notifyAll();
  }

  synchronized long version() {
    return version;
  }

  /**
   * Waits until the version is past {@code seen} or {@code max} has passed; returns the version
   * then.
   */
  synchronized long awaitAfter(long seen, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    waiting++;
    try {
      while (version <= seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } finally {
      waiting--;
    }
    return version;
  }

  /** How many calls are waiting for a change now. */
  synchronized int waiting() {
    return waiting;
  }
}
