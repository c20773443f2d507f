package io.disputedesk.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.testing.Await;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  private final Workload work = new Workload();

  @Test
  void aTaskCountsFromTheMomentItIsQueuedUntilItHasRun() throws Exception {
    ExecutorService pool = BoundedExecutors.fixed("test-pool", 1, 2, StartGate.OPEN, work);
    CountDownLatch release = new CountDownLatch(1);
    try {
      pool.execute(() -> await(release));
      pool.execute(() -> {});

      assertThat(work.unfinished()).as("one running, one queued").isEqualTo(2);
      assertThat(work.begun()).isEqualTo(2);

      release.countDown();
      Await.until("both tasks are done", () -> work.unfinished() == 0);
      assertThat(work.begun()).isEqualTo(2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void workHandedToAnotherPoolBeforeATaskEndsStaysCounted() throws Exception {
    ExecutorService first = BoundedExecutors.fixed("test-first", 1, 1, StartGate.OPEN, work);
    ExecutorService second = BoundedExecutors.fixed("test-second", 1, 1, StartGate.OPEN, work);
    CountDownLatch release = new CountDownLatch(1);
    try {
      first.execute(() -> second.execute(() -> await(release)));

      Await.until("the first task is done", () -> work.begun() == 2 && work.unfinished() == 1);

      release.countDown();
      Await.until("the handed-over task is done", () -> work.unfinished() == 0);
    } finally {
      release.countDown();
      first.shutdownNow();
      second.shutdownNow();
    }
  }

  @Test
  void aRefusedTaskIsNotCounted() {
    ExecutorService pool = BoundedExecutors.fixed("test-pool", 1, 1, StartGate.OPEN, work);
    CountDownLatch release = new CountDownLatch(1);
    try {
      pool.execute(() -> await(release));
      pool.execute(() -> {});

      assertThatThrownBy(() -> pool.execute(() -> {}))
          .isInstanceOf(RejectedExecutionException.class);

      assertThat(work.unfinished()).isEqualTo(2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aScheduledTaskCountsOnlyWhileItRuns() {
    ScheduledThreadPoolExecutor timer =
        BoundedExecutors.scheduled("test-timer", StartGate.OPEN, work);
    CountDownLatch release = new CountDownLatch(1);
    try {
      timer.schedule(() -> {}, 1, TimeUnit.HOURS);
      assertThat(work.unfinished()).as("waiting for its time is not work").isZero();

      timer.execute(() -> await(release));
      Await.until("the due task runs", () -> work.unfinished() == 1);

      release.countDown();
      Await.until("the due task is done", () -> work.unfinished() == 0);
      assertThat(work.begun()).isEqualTo(1);
    } finally {
      release.countDown();
      timer.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
