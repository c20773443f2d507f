package io.disputedesk.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.slack.SlackApps;
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
