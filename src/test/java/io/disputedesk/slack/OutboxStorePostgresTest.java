package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only PostgreSQL can show: replicas claiming outbox rows at the same moment. */
@OnPostgres
class OutboxStorePostgresTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final ShiftableClock clock = new ShiftableClock(START);
  private Database replicaA;
  private Database replicaB;

  @BeforeEach
  void open(TestDatabase database) {
    replicaA = database.open(clock);
    replicaB = database.open(clock);
  }

  @AfterEach
  void close() {
    replicaA.close();
    replicaB.close();
  }

  @Test
  void aClaimStillInProgressOnOneReplicaDoesNotHoldUpTheOther() throws Exception {
    OutboxStore a = new OutboxStore(replicaA);
    OutboxStore b = new OutboxStore(replicaB);
    for (int i = 0; i < 6; i++) {
      a.enqueue(new OutboxEntry("k" + i, "THREAD", "C1", "PP-" + i, "{}"));
    }
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    // Replica A claims three rows and keeps its transaction (and the row locks) open.
    CompletableFuture<List<OutboxRow>> slow =
        CompletableFuture.supplyAsync(
            () ->
                replicaA.atomically(
                    () -> {
                      List<OutboxRow> rows = a.claimDue("A", START, LEASE, 3);
                      claimed.countDown();
                      await(finish);
                      return rows;
                    }));
    assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

    List<OutboxRow> fromB =
        CompletableFuture.supplyAsync(() -> b.claimDue("B", START, LEASE, 3))
            .get(5, TimeUnit.SECONDS);
    finish.countDown();
    List<OutboxRow> fromA = slow.get(10, TimeUnit.SECONDS);

    assertThat(fromA).extracting(OutboxRow::dedupeKey).containsExactly("k0", "k1", "k2");
    assertThat(fromB)
        .as("B skips A's locked rows and takes the next ones at once")
        .extracting(OutboxRow::dedupeKey)
        .containsExactly("k3", "k4", "k5");
  }

  @Test
  void aDisputesLaterRowWaitsWhileAnotherReplicaHoldsItsEarlierRowUncommitted() throws Exception {
    OutboxStore a = new OutboxStore(replicaA);
    OutboxStore b = new OutboxStore(replicaB);
    a.enqueue(new OutboxEntry("first", "THREAD", "C1", "PP-1", "{}"));
    a.enqueue(new OutboxEntry("second", "THREAD", "C1", "PP-1", "{}"));
    a.enqueue(new OutboxEntry("other", "THREAD", "C1", "PP-2", "{}"));
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<List<OutboxRow>> slow =
        CompletableFuture.supplyAsync(
            () ->
                replicaA.atomically(
                    () -> {
                      List<OutboxRow> rows = a.claimDue("A", START, LEASE, 1);
                      claimed.countDown();
                      await(finish);
                      return rows;
                    }));
    assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

    // B's snapshot still shows "first" unclaimed, but B must not take "second" ahead of it.
    List<OutboxRow> fromB =
        CompletableFuture.supplyAsync(() -> b.claimDue("B", START, LEASE, 10))
            .get(5, TimeUnit.SECONDS);
    finish.countDown();

    assertThat(slow.get(10, TimeUnit.SECONDS))
        .extracting(OutboxRow::dedupeKey)
        .containsExactly("first");
    assertThat(fromB).extracting(OutboxRow::dedupeKey).containsExactly("other");
    assertThat(b.inState(OutboxRow.PENDING))
        .filteredOn(r -> r.dedupeKey().equals("second"))
        .singleElement()
        .satisfies(r -> assertThat(r.claimedBy()).isNull());
  }

  private static void await(CountDownLatch latch) {
    Await.until("the other transaction", latch, Duration.ofSeconds(10));
  }
}
