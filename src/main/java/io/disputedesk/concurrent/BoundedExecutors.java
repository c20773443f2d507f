package io.disputedesk.concurrent;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools whose queue is bounded: when every thread is busy and the queue is full, new work is
 * refused at once with {@link RejectedExecutionException} (the caller answers "busy") instead of
 * piling up in memory and running long after anyone waits for it.
 */
public final class BoundedExecutors {
  private BoundedExecutors() {}

  /**
   * {@code threads} daemon threads named {@code name-N}, with room for {@code queue} waiting tasks.
   */
  public static ExecutorService fixed(String name, int threads, int queue) {
    return fixed(name, threads, queue, StartGate.OPEN);
  }

  /**
   * As {@link #fixed(String, int, int)}, each task started only once {@code gate} lets it: a thread
   * that takes a task waits at the gate first. What is refused, what is queued and the order in
   * which tasks are taken are the same; a waiting thread counts as busy.
   */
  public static ExecutorService fixed(String name, int threads, int queue, StartGate gate) {
    return fixed(name, threads, queue, gate, new Workload());
  }

  /**
   * As {@link #fixed(String, int, int, StartGate)}, each task counted in {@code work} from the
   * moment it is queued until it has run; a refused task is not counted.
   */
  public static ExecutorService fixed(
      String name, int threads, int queue, StartGate gate, Workload work) {
    if (threads < 1 || queue < 1) {
      throw new IllegalArgumentException("threads and queue must be at least 1");
    }
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(work, "work");
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queue),
        daemonThreads(name),
        new ThreadPoolExecutor.AbortPolicy()) {
      @Override
      public void execute(Runnable task) {
        work.execute(super::execute, Objects.requireNonNull(task, "task"));
      }

      @Override
      protected void beforeExecute(Thread t, Runnable r) {
        pass(gate);
      }
    };
  }

  /**
   * One daemon thread named {@code name-1} that runs delayed and periodic tasks, each started, once
   * due, only when {@code gate} lets it.
   */
  public static ScheduledThreadPoolExecutor scheduled(String name, StartGate gate) {
    return scheduled(name, gate, new Workload());
  }

  /**
   * As {@link #scheduled(String, StartGate)}, each run counted in {@code work} from the moment it
   * is taken (before the gate) until it is over: a task waiting for its time is not work yet.
   */
  public static ScheduledThreadPoolExecutor scheduled(String name, StartGate gate, Workload work) {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(work, "work");
    return new ScheduledThreadPoolExecutor(1, daemonThreads(name)) {
      @Override
      protected void beforeExecute(Thread t, Runnable r) {
        work.begin();
        pass(gate);
      }

      @Override
      protected void afterExecute(Runnable r, Throwable thrown) {
        work.end();
      }
    };
  }

  private static void pass(StartGate gate) {
    try {
      gate.await();
    } catch (InterruptedException e) {
      // Stopping: the task starts now, interrupted, as it would have without the gate.
      Thread.currentThread().interrupt();
    }
  }

  /** A factory of daemon threads named {@code name-1}, {@code name-2}, … */
  public static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
