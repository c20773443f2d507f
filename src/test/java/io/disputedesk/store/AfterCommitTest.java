package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hook registered inside a transaction runs once its rows are visible to everyone, never for a
 * rollback.
 */
class AfterCommitTest {
  @TempDir java.nio.file.Path dir;
  private Database db;
  private InboundDedupe dedupe;
  private final List<Long> seenByHook = new ArrayList<>();

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir, new ShiftableClock(Instant.parse("2026-11-20T10:00:00Z")));
    dedupe = new InboundDedupe(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Counts the rows from another thread's connection, as a woken reader would. */
  private void countFromAnotherThread() {
    Thread t =
        new Thread(
            () -> seenByHook.add(TestDatabases.count(db, "SELECT COUNT(*) FROM inbound_seen")));
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aHookInsideATransactionRunsAfterItsCommit() {
    db.atomically(
        () -> {
          dedupe.firstTime("paypal", "WH-1");
          db.afterCommit(this::countFromAnotherThread);
          db.inTransaction(
              joined -> {
                db.afterCommit(this::countFromAnotherThread);
                return null;
              });
          assertThat(seenByHook).isEmpty();
          return null;
        });

    assertThat(seenByHook).containsExactly(1L, 1L);
  }

  @Test
  void aHookOfARolledBackTransactionNeverRuns() {
    assertThatThrownBy(
            () ->
                db.atomically(
                    () -> {
                      dedupe.firstTime("paypal", "WH-1");
                      db.afterCommit(this::countFromAnotherThread);
                      throw new IllegalStateException("no");
                    }))
        .hasMessage("no");

    assertThat(seenByHook).isEmpty();
  }

  @Test
  void aHookOutsideATransactionRunsAtOnce() {
    db.afterCommit(this::countFromAnotherThread);

    assertThat(seenByHook).containsExactly(0L);
  }
}
