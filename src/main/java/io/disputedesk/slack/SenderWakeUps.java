package io.disputedesk.slack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes an outbox sender's idle lanes when rows are queued, and counts the wake-ups so a batch of
 * card updates can tell it was claimed before a row it might have to let go first.
 */
final class SenderWakeUps {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final AtomicLong queued = new AtomicLong();
  private boolean postsWoken;
  private boolean updatesWoken;

  /** Wakes both lanes (called when a row is queued, and by a stop). */
  void wakeUp() {
    queued.incrementAndGet();
    lock.lock();
    try {
      postsWoken = true;
      updatesWoken = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** How many wake-ups there have been: a batch claimed at one count is out of date at another. */
  long queued() {
    return queued.get();
  }

  /**
   * Waits up to {@code tick} for a wake-up of the lane ({@code updates}: the card update lane)
   * unless one came since it last looked or a stop was asked for; an interrupt stops the sender.
   */
  void idle(boolean updates, Duration tick, SenderStop stop) {
    lock.lock();
    try {
      if (!(updates ? updatesWoken : postsWoken) && !stop.asked()) {
        work.await(tick.toNanos(), TimeUnit.NANOSECONDS);
      }
      if (updates) {
        updatesWoken = false;
      } else {
        postsWoken = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.askNow();
    } finally {
      lock.unlock();
    }
  }
}
