package io.disputedesk.sim.slack;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds one Web API call mid-flight until the test lets it go, or cuts its connection. */
public final class Pause {
  /** Where the call is held. */
  public enum At {
    /** Received and recorded, nothing applied yet. */
    BEFORE_HANDLING,
    /** Applied to the workspace state, response not yet written. */
    BEFORE_RESPONDING
  }

  private final At at;
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile boolean drop;

  Pause(At at) {
    this.at = at;
  }

  public At at() {
    return at;
  }

  /** Waits until the call reaches the pause point; false on timeout. */
  public boolean awaitArrival(Duration timeout) throws InterruptedException {
    return arrived.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public boolean hasArrived() {
    return arrived.getCount() == 0;
  }

  /** Lets the call carry on normally. */
  public void release() {
    released.countDown();
  }

  /** Closes the call's connection without any response, as a network cut or a crash would. */
  public void releaseAndDrop() {
    drop = true;
    released.countDown();
  }

  /** Called on the server thread: blocks until released; true if the connection must be dropped. */
  boolean hold() throws InterruptedException {
    arrived.countDown();
    released.await();
    return drop;
  }
}
