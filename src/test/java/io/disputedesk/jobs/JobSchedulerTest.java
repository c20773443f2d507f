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
}
