package io.disputedesk.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts requests being served, so a stop can wait for them and background work can wait for a
 * moment with none.
 */
final class InFlight {
  private int active;
  private boolean draining;

  /** Registers a request; false once draining has begun, and the request must be turned away. */
  synchronized boolean enter() {
    if (draining) {
      return false;
    }
    active++;
    return true;
  }

  synchronized void exit() {
    active--;
    if (active == 0) {
      notifyAll();
    }
  }

  /** True when no request is being served right now. */
  synchronized boolean idle() {
    return active == 0;
  }

  /** Waits until no request is being served, at most {@code max}; true if such a moment came. */
  synchronized boolean awaitIdle(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (active > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /**
   * Refuses new requests and waits up to {@code grace} for the active ones; true if they all
   * finished.
   */
  synchronized boolean drain(Duration grace) throws InterruptedException {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (active > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
