package io.disputedesk.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The one way tests wait for something to happen: poll until it holds, or fail naming what never
 * happened. A wait that succeeds returns as soon as it can; the timeout only bounds a failing test.
 * A test that asserts something did not happen first waits here for a later, positive signal.
 */
public final class Await {
  /** Room for a loaded machine (two cores shared by the whole suite). */
  public static final Duration DEFAULT = Duration.ofSeconds(20);

  private static final long POLL_MILLIS = 10;

  private Await() {}

  /** Waits until {@code condition} holds, at most {@link #DEFAULT}. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, DEFAULT);
  }

  /** Waits until {@code condition} holds, at most {@code timeout}. */
  public static void until(String what, BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** Waits until {@code latch} opens, at most {@code timeout}. */
  public static void until(String what, CountDownLatch latch, Duration timeout) {
    try {
      if (!latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what, e);
    }
  }
}
