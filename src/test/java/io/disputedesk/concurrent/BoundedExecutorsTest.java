package io.disputedesk.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.slack.SlackApps;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedExecutorsTest {
  @Test
  void workBeyondTheBusyThreadsAndTheFullQueueIsRefusedAtOnce() throws Exception {
    ExecutorService pool = BoundedExecutors.fixed("test-pool", 1, 2);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch queuedRan = new CountDownLatch(2);
    try {
      pool.execute(
          () -> {
            running.countDown();
            await(release);
          });
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
      pool.execute(queuedRan::countDown);
      pool.execute(queuedRan::countDown);

      assertThatThrownBy(() -> pool.execute(() -> {}))
          .isInstanceOf(RejectedExecutionException.class);

      release.countDown();
      assertThat(queuedRan.await(5, TimeUnit.SECONDS)).as("what was queued still runs").isTrue();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aGatedPoolStartsATaskOnlyOnceItsGateLetsIt() throws Exception {
    CountDownLatch gateOpen = new CountDownLatch(1);
    CountDownLatch atGate = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(1);
    ExecutorService pool =
        BoundedExecutors.fixed(
            "test-gated",
            1,
            1,
            () -> {
              atGate.countDown();
              gateOpen.await();
            });
    try {
      pool.execute(ran::countDown);
      assertThat(atGate.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(ran.getCount()).as("not started while the gate is shut").isEqualTo(1);

      gateOpen.countDown();

      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      gateOpen.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aThreadWaitingAtTheGateCountsAsBusy() throws Exception {
    CountDownLatch gateOpen = new CountDownLatch(1);
    CountDownLatch atGate = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(2);
    ExecutorService pool =
        BoundedExecutors.fixed(
            "test-gated",
            1,
            1,
            () -> {
              atGate.countDown();
              gateOpen.await();
            });
    try {
      pool.execute(ran::countDown);
      assertThat(atGate.await(5, TimeUnit.SECONDS)).isTrue();
      pool.execute(ran::countDown);

      assertThatThrownBy(() -> pool.execute(() -> {}))
          .isInstanceOf(RejectedExecutionException.class);

      gateOpen.countDown();
      assertThat(ran.await(5, TimeUnit.SECONDS)).as("the taken and the queued task run").isTrue();
    } finally {
      gateOpen.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void tasksStartInTheOrderTheyWereQueuedBehindTheGate() throws Exception {
    CountDownLatch gateOpen = new CountDownLatch(1);
    List<Integer> started = new CopyOnWriteArrayList<>();
    CountDownLatch ran = new CountDownLatch(3);
    ExecutorService pool = BoundedExecutors.fixed("test-gated", 1, 3, gateOpen::await);
    try {
      for (int i = 1; i <= 3; i++) {
        int n = i;
        pool.execute(
            () -> {
              started.add(n);
              ran.countDown();
            });
      }
      gateOpen.countDown();

      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(started).containsExactly(1, 2, 3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void boltsOwnThreadPoolHasABoundedQueue() {
    var bolt =
        SlackApps.newApp(SlackApps.newSlack("http://127.0.0.1:9/api/"), "secret", "xoxb-test");

    assertThat(bolt.executorService())
        .isInstanceOfSatisfying(
            ThreadPoolExecutor.class,
            pool ->
                assertThat(pool.getQueue().remainingCapacity())
                    .isLessThan(Integer.MAX_VALUE)
                    .isPositive());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
