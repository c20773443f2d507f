package io.disputedesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FollowUpsTest {
  @Test
  void followUpsBeyondTheLimitAreDroppedWhileTheWaitingOnesRun() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch last = new CountDownLatch(1);
    try (FollowUps followUps = FollowUps.start(Duration.ofMillis(200), 1)) {
      followUps.later("first", () -> ran.add("first"));
      followUps.later("over the limit", () -> ran.add("over the limit"));
      Await.until("the first follow-up", () -> ran.contains("first"), Duration.ofSeconds(5));

      followUps.later(
          "after",
          () -> {
            ran.add("after");
            last.countDown();
          });
      assertThat(last.await(5, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(ran).containsExactly("first", "after");
  }

  @Test
  void aDueFollowUpStartsOnlyOnceItsGateLetsIt() throws Exception {
    CountDownLatch atGate = new CountDownLatch(1);
    CountDownLatch gateOpen = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(1);
    try (FollowUps followUps =
        FollowUps.start(
            Duration.ofMillis(10),
            () -> {
              atGate.countDown();
              gateOpen.await();
            })) {
      followUps.later("refresh", ran::countDown);
      assertThat(atGate.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(ran.getCount()).as("not run while the gate is shut").isEqualTo(1);

      gateOpen.countDown();

      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
