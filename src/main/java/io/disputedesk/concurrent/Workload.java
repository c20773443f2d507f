package io.disputedesk.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The work a running bot has taken on and not yet finished, across its pools and threads. A task is
 * counted from the moment it is handed over (queued, not only running) until it has run, so work
 * that one task hands to another pool before it ends is never out of sight; a task that comes due
 * by itself (a timer, a scheduled job) is counted while it runs. {@link #begun()} only grows, so
 * two looks with nothing unfinished and the same count prove no work started in between.
 */
public final class Workload {
  private final AtomicInteger unfinished = new AtomicInteger();
  private final AtomicLong begun = new AtomicLong();

  /** One more piece of work taken on; every call is matched by one {@link #end()}. */
  public void begin() {
    begun.incrementAndGet();
    unfinished.incrementAndGet();
  }

  public void end() {
    unfinished.decrementAndGet();
  }

  /** Hands {@code task} to {@code executor}, counted from now until it has run (or is refused). */
  public void execute(Executor executor, Runnable task) {
    Runnable counted = counted(task);
    try {
      executor.execute(counted);
    } catch (RuntimeException e) {
      end();
      throw e;
    }
  }

  /** {@code task}, counted from now until it has run; the caller hands it over at once. */
  Runnable counted(Runnable task) {
    begin();
    return () -> {
      try {
        task.run();
      } finally {
        end();
      }
    };
  }

  /** Work taken on and not finished: queued, waiting at a start gate or running. */
  public int unfinished() {
    return unfinished.get();
  }

  /** How much work was ever taken on. */
  public long begun() {
    return begun.get();
  }
}
