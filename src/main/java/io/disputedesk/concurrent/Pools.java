package io.disputedesk.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The two ways a component stops its thread pool when it is closed. */
public final class Pools {
  private Pools() {}

  /**
   * Takes no new work and lets what is queued or running finish within {@code wait}; what is left
   * then is interrupted.
   */
  public static void stop(ExecutorService pool, Duration wait) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }

  /**
   * Drops what is queued, interrupts what is running and waits up to {@code wait} for it to end.
   */
  public static void stopNow(ExecutorService pool, Duration wait) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
