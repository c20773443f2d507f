package io.disputedesk.slack;

import java.util.concurrent.TimeUnit;

/**
 * A form acknowledged with a progress view ("Sending to PayPal…", "Searching…") is answered later
 * by {@code views.update}. Slack shows the progress view when it reads the acknowledgement; an
 * update sent sooner could land first and be replaced by it, so the answer waits at least {@link
 * #MILLIS} after the ack.
 */
public final class ProgressShown {
  public static final long MILLIS = 500;

  private ProgressShown() {}

  /** Waits until {@link #MILLIS} have passed since {@code ackedAt} (System.nanoTime). */
  public static void await(long ackedAt) {
    long shownFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ackedAt);
    if (shownFor < MILLIS) {
      try {
        Thread.sleep(MILLIS - shownFor);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
