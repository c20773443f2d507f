package io.disputedesk.http;

import java.time.Duration;

/** Counts requests being served, so a stop can wait for them. */
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
