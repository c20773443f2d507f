package io.disputedesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

class JobSchedulerTest {
  /** Counts down a latch each time it runs. */
  static final class Ping implements Job {
    private final CountDownLatch ran;

    Ping(CountDownLatch ran) {
      this.ran = ran;
    }

    @Override
    public void execute(JobExecutionContext context) {
      ran.countDown();
    }
  }

  @Test
  void twoSchedulersOfTheSameNameInOneProcessRunTheirOwnJobs() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    try (JobScheduler a = JobScheduler.inMemory("dispute-desk", 1);
        JobScheduler b = JobScheduler.inMemory("dispute-desk", 1)) {
      a.every("ping", Ping.class, () -> new Ping(first), Duration.ofHours(1), Duration.ofHours(1));
      b.every("ping", Ping.class, () -> new Ping(second), Duration.ofHours(1), Duration.ofHours(1));
      a.start();
      b.start();

      b.triggerNow("ping");

      assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(first.getCount()).as("a's job is not b's").isEqualTo(1);
      a.triggerNow("ping");
      assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void schedulingAJobAgainReplacesItsTrigger() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    try (JobScheduler s = JobScheduler.inMemory("dispute-desk", 1)) {
      s.every("ping", Ping.class, () -> new Ping(ran), Duration.ofHours(1), Duration.ofHours(1));
      s.every("ping", Ping.class, () -> new Ping(ran), Duration.ofMillis(50), Duration.ZERO);
      s.start();

      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Blocks until released, like a poll stuck on PayPal. */
  static final class Stuck implements Job {
    private final CountDownLatch started;
    private final CountDownLatch release;

    Stuck(CountDownLatch started, CountDownLatch release) {
      this.started = started;
      this.release = release;
    }

    @Override
    public void execute(JobExecutionContext context) {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void closeWaitsForARunningJobOnlyAsLongAsTheGrace() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    JobScheduler s = JobScheduler.inMemory("dispute-desk", 1);
    s.every(
        "stuck",
        Stuck.class,
        () -> new Stuck(started, release),
        Duration.ofHours(1),
        Duration.ZERO);
    s.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    long begin = System.nanoTime();
    s.close(Duration.ofMillis(300));

    assertThat(Duration.ofNanos(System.nanoTime() - begin))
        .isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
    release.countDown();
  }

  @Test
  void closeReturnsAsSoonAsTheRunningJobFinishes() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    JobScheduler s = JobScheduler.inMemory("dispute-desk", 1);
    s.every(
        "stuck",
        Stuck.class,
        () -> new Stuck(started, release),
        Duration.ofHours(1),
        Duration.ZERO);
    s.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            })
        .start();

    long begin = System.nanoTime();
    s.close(Duration.ofSeconds(30));

    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
    assertThat(release.getCount()).isZero();
  }
}
