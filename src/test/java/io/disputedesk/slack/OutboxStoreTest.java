package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class OutboxStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final ShiftableClock clock = new ShiftableClock(START);
  private Database db;
  private OutboxStore outbox;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    outbox = new OutboxStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static OutboxEntry entry(String key, String disputeId) {
    return new OutboxEntry(key, "THREAD", "C1", disputeId, "{\"text\":\"" + key + "\"}");
  }

  private static List<String> keys(List<OutboxRow> rows) {
    return rows.stream().map(OutboxRow::dedupeKey).toList();
  }

  @EachDatabase
  void threadRepliesAreFoundByTheExactPrefixOfTheirKeyNotAsAPattern() {
    outbox.enqueue(entry("thread:PP_1:draft:7:100", "PP_1"));
    outbox.enqueue(entry("thread:PP_1:draft:7:200@C2", "PP_1"));
    outbox.enqueue(entry("thread:PP_1:draft:70:300", "PP_1"));
    outbox.enqueue(entry("thread:PPx1:draft:7:400", "PP_1"));
    outbox.enqueue(new OutboxEntry("thread:PP_1:draft:7:500", "CARD", "C1", "PP_1", null));

    assertThat(keys(outbox.threadReplies("PP_1", "thread:PP_1:draft:7:")))
        .containsExactly("thread:PP_1:draft:7:100", "thread:PP_1:draft:7:200@C2");
    assertThat(keys(outbox.threadReplies("PP_1", "thread:PP%:draft:7:"))).isEmpty();
    assertThat(outbox.find("thread:PP_1:draft:70:300")).isPresent();
    assertThat(outbox.find("thread:PP_1:draft:70")).isEmpty();
  }

  @EachDatabase
  void anEntryIsQueuedOncePerDedupeKeyForever() {
    assertThat(outbox.enqueue(entry("resolved:PP-1", "PP-1"))).isTrue();
    assertThat(outbox.enqueue(entry("resolved:PP-1", "PP-1"))).isFalse();
    OutboxRow row = outbox.claimDue("w1", START, LEASE, 10).get(0);
    outbox.markSending(row.id());
    outbox.markSent(row.id(), "1.1", START);

    assertThat(outbox.enqueue(entry("resolved:PP-1", "PP-1"))).isFalse();
    assertThat(outbox.claimDue("w1", START.plusSeconds(1), LEASE, 10)).isEmpty();
    assertThat(outbox.inState(OutboxRow.SENT))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.sentTs()).isEqualTo("1.1");
              assertThat(r.sentAt()).isEqualTo(START);
              assertThat(r.claimedBy()).isNull();
              assertThat(r.attempts()).isEqualTo(1);
            });
  }

  @EachDatabase
  void aClaimRecordsTheWorkerAndLease() {
    outbox.enqueue(entry("a", "PP-1"));

    List<OutboxRow> rows = outbox.claimDue("w1", START, LEASE, 10);

    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(OutboxRow.PENDING);
              assertThat(r.claimedBy()).isEqualTo("w1");
              assertThat(r.claimedUntil()).isEqualTo(START.plus(LEASE));
              assertThat(r.nextAttemptAt()).isEqualTo(START);
              assertThat(r.kind()).isEqualTo("THREAD");
              assertThat(r.payload()).isEqualTo("{\"text\":\"a\"}");
            });
    assertThat(outbox.claimDue("w2", START, LEASE, 10)).isEmpty();
    assertThat(outbox.claimDue("w1", START, LEASE, 10))
        .as("held rows are not handed out twice")
        .isEmpty();
  }

  @EachDatabase
  void workersClaimingConcurrentlyNeverGetTheSameRow() throws Exception {
    for (int i = 0; i < 120; i++) {
      outbox.enqueue(entry("k" + i, i % 3 == 0 ? null : "PP-" + i));
    }

    List<List<Long>> claimed =
        Concurrently.run(
            4,
            w ->
                () -> {
                  List<Long> mine = new ArrayList<>();
                  for (int round = 0; round < 60; round++) {
                    for (OutboxRow r : outbox.claimDue("w" + w, START, LEASE, 3)) {
                      mine.add(r.id());
                    }
                  }
                  return mine;
                });

    List<Long> all = claimed.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates().hasSize(120);
  }

  @EachDatabase
  void anExpiredLeaseLetsAnotherWorkerTakeOverACrashedWorkersRow() {
    outbox.enqueue(entry("a", "PP-1"));
    OutboxRow crashed = outbox.claimDue("w1", START, LEASE, 10).get(0);

    assertThat(outbox.claimDue("w2", START.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
    List<OutboxRow> takenOver = outbox.claimDue("w2", START.plus(LEASE), LEASE, 10);

    assertThat(takenOver)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(crashed.id());
              assertThat(r.claimedBy()).isEqualTo("w2");
            });
  }

  @EachDatabase
  void onlyOneOfTwoHoldersOfTheSameRowMayMarkItSending() {
    outbox.enqueue(entry("a", "PP-1"));
    OutboxRow slow = outbox.claimDue("w1", START, LEASE, 10).get(0);
    OutboxRow takeover = outbox.claimDue("w2", START.plus(LEASE), LEASE, 10).get(0);

    assertThat(outbox.markSending(takeover.id())).isTrue();
    assertThat(outbox.markSending(slow.id())).isFalse();
  }

  @EachDatabase
  void aDisputesRowsAreClaimedInOrderOneHolderAtATime() {
    outbox.enqueue(entry("d1-first", "PP-1"));
    outbox.enqueue(entry("d1-second", "PP-1"));
    outbox.enqueue(entry("d2-only", "PP-2"));

    assertThat(keys(outbox.claimDue("w1", START, LEASE, 1))).containsExactly("d1-first");
    // d1-second waits while another worker holds the older row of its dispute.
    assertThat(keys(outbox.claimDue("w2", START, LEASE, 10))).containsExactly("d2-only");

    OutboxRow first = outbox.inState(OutboxRow.PENDING).get(0);
    outbox.markSending(first.id());
    assertThat(outbox.claimDue("w2", START, LEASE, 10)).as("blocked while SENDING").isEmpty();
    outbox.markSent(first.id(), "1.1", START);

    assertThat(keys(outbox.claimDue("w2", START, LEASE, 10))).containsExactly("d1-second");
  }

  @EachDatabase
  void aBatchHoldsADisputesRowsInIdOrder() {
    outbox.enqueue(entry("a1", "PP-1"));
    outbox.enqueue(entry("b1", "PP-2"));
    outbox.enqueue(entry("a2", "PP-1"));
    outbox.enqueue(entry("n1", null));

    assertThat(keys(outbox.claimDue("w1", START, LEASE, 10)))
        .containsExactly("a1", "b1", "a2", "n1");
  }

  @EachDatabase
  void aRowWaitingForRetryHoldsBackItsDisputesLaterRows() {
    outbox.enqueue(entry("a1", "PP-1"));
    outbox.enqueue(entry("a2", "PP-1"));
    outbox.enqueue(entry("b1", "PP-2"));
    OutboxRow a1 = outbox.claimDue("w1", START, LEASE, 1).get(0);
    outbox.markSending(a1.id());
    Instant retryAt = START.plusSeconds(30);

    assertThat(outbox.retryLater(a1.id(), retryAt, "rate_limited")).isTrue();

    assertThat(keys(outbox.claimDue("w2", START.plusSeconds(1), LEASE, 10))).containsExactly("b1");
    assertThat(outbox.claimDue("w2", retryAt.minusMillis(1), LEASE, 10)).isEmpty();
    List<OutboxRow> due = outbox.claimDue("w2", retryAt, LEASE, 10);
    assertThat(keys(due)).containsExactly("a1", "a2");
    assertThat(due.get(0))
        .satisfies(
            r -> {
              assertThat(r.attempts()).isEqualTo(1);
              assertThat(r.lastError()).isEqualTo("rate_limited");
              assertThat(r.nextAttemptAt()).isEqualTo(retryAt);
            });
  }

  @EachDatabase
  void attemptsAreCountedAndAFailedRowStopsBlocking() {
    outbox.enqueue(entry("a1", "PP-1"));
    outbox.enqueue(entry("a2", "PP-1"));
    Instant t = START;
    OutboxRow row = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      row = outbox.claimDue("w1", t, LEASE, 1).get(0);
      assertThat(row.dedupeKey()).isEqualTo("a1");
      assertThat(row.attempts()).isEqualTo(attempt - 1);
      outbox.markSending(row.id());
      t = t.plusSeconds(10);
      outbox.retryLater(row.id(), t, "boom " + attempt);
    }

    assertThat(outbox.markFailed(row.id(), "gave up after 3")).isTrue();

    assertThat(outbox.inState(OutboxRow.FAILED))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.attempts()).isEqualTo(3);
              assertThat(r.lastError()).isEqualTo("gave up after 3");
            });
    assertThat(outbox.pendingCount()).isEqualTo(1);
    assertThat(keys(outbox.claimDue("w1", t, LEASE, 10))).containsExactly("a2");
    assertThat(outbox.retryLater(row.id(), t, "late"))
        .as("a finished row stays finished")
        .isFalse();
  }

  @EachDatabase
  void aRowLeftSendingByACrashIsNotClaimedAgain() {
    outbox.enqueue(entry("a1", "PP-1"));
    OutboxRow row = outbox.claimDue("w1", START, LEASE, 10).get(0);
    outbox.markSending(row.id());

    assertThat(outbox.claimDue("w2", START.plus(Duration.ofHours(1)), LEASE, 10)).isEmpty();
    assertThat(outbox.inState(OutboxRow.SENDING))
        .extracting(OutboxRow::id)
        .containsExactly(row.id());
    assertThat(outbox.pendingCount()).isZero();
  }

  @EachDatabase
  void anAbandonedSendIsTakenOverByExactlyOneWorkerOnceItsLeaseRunsOut() throws Exception {
    outbox.enqueue(entry("a1", "PP-1"));
    OutboxRow row = outbox.claimDue("w1", START, LEASE, 10).get(0);
    outbox.markSending(row.id());

    assertThat(outbox.takeOver(row.id(), "w2", START.plus(LEASE).minusMillis(1), LEASE))
        .as("still within w1's lease")
        .isFalse();
    List<Boolean> wins =
        Concurrently.run(
            8, i -> () -> outbox.takeOver(row.id(), "r" + i, START.plus(LEASE), LEASE));

    assertThat(wins).containsOnlyOnce(true);
    assertThat(outbox.inState(OutboxRow.SENDING))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.claimedBy()).isEqualTo("r" + wins.indexOf(true));
              assertThat(r.claimedUntil()).isEqualTo(START.plus(LEASE).plus(LEASE));
            });
    outbox.retryLater(row.id(), START.plus(LEASE), "redo");
    assertThat(outbox.takeOver(row.id(), "w3", START.plus(Duration.ofHours(1)), LEASE))
        .as("only SENDING rows are taken over")
        .isFalse();
  }

  @EachDatabase
  void releaseGivesBackAWorkersClaimsAtShutdown() {
    outbox.enqueue(entry("a1", "PP-1"));
    outbox.enqueue(entry("b1", "PP-2"));
    List<OutboxRow> held = outbox.claimDue("w1", START, LEASE, 10);
    outbox.markSending(held.get(1).id());

    assertThat(outbox.release("w1")).isEqualTo(1);

    assertThat(keys(outbox.claimDue("w2", START, LEASE, 10))).containsExactly("a1");
    assertThat(outbox.inState(OutboxRow.SENDING))
        .singleElement()
        .extracting(OutboxRow::claimedBy)
        .isEqualTo("w1");
  }

  @EachDatabase
  void concurrentWorkersSendEachDisputesRowsInOrder() throws Exception {
    int disputes = 40;
    int perDispute = 5;
    // Interleaved, so a batch holds some rows of many disputes and a dispute spans several batches.
    for (int seq = 0; seq < perDispute; seq++) {
      for (int d = 0; d < disputes; d++) {
        outbox.enqueue(entry("PP-" + d + ":" + seq, "PP-" + d));
      }
    }
    Queue<String> sent = new ConcurrentLinkedQueue<>();
    AtomicInteger left = new AtomicInteger(disputes * perDispute);

    Concurrently.run(
        4,
        w ->
            () -> {
              long deadline = System.nanoTime() + 30_000_000_000L;
              while (left.get() > 0 && System.nanoTime() < deadline) {
                for (OutboxRow r : outbox.claimDue("w" + w, START, LEASE, 7)) {
                  assertThat(outbox.markSending(r.id())).isTrue();
                  sent.add(r.dedupeKey());
                  outbox.markSent(r.id(), "ts", START);
                  left.decrementAndGet();
                }
              }
              return null;
            });

    assertThat(sent).hasSize(disputes * perDispute);
    Map<String, List<String>> byDispute = new HashMap<>();
    for (String key : sent) {
      byDispute
          .computeIfAbsent(key.substring(0, key.indexOf(':')), k -> new ArrayList<>())
          .add(key);
    }
    byDispute.forEach(
        (dispute, keys) ->
            assertThat(keys)
                .as(dispute)
                .containsExactly(
                    dispute + ":0",
                    dispute + ":1",
                    dispute + ":2",
                    dispute + ":3",
                    dispute + ":4"));
  }

  @EachDatabase
  void concurrentEnqueueOfOneKeyStoresOneRow() throws Exception {
    List<Boolean> results = Concurrently.run(16, i -> () -> outbox.enqueue(entry("same", "PP-1")));

    assertThat(results).containsOnlyOnce(true);
    assertThat(outbox.inState(OutboxRow.PENDING)).hasSize(1);
  }
}
