package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class AtomicallyTest {
  private Database db;
  private InboundDedupe dedupe;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(new ShiftableClock(Instant.parse("2026-11-20T10:00:00Z")));
    dedupe = new InboundDedupe(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void storeCallsInsideAreCommittedTogether() {
    boolean both =
        db.atomically(
            () -> dedupe.firstTime("paypal", "WH-1") && dedupe.firstTime("paypal", "WH-2"));

    assertThat(both).isTrue();
    assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM inbound_seen")).isEqualTo(2);
  }

  @EachDatabase
  void aFailureRollsBackEveryStoreCallInside() {
    assertThatThrownBy(
            () ->
                db.atomically(
                    () -> {
                      dedupe.firstTime("paypal", "WH-1");
                      throw new IllegalStateException("Slack said no");
                    }))
        .hasMessage("Slack said no");

    assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM inbound_seen")).isZero();
    assertThat(dedupe.firstTime("paypal", "WH-1")).isTrue();
  }

  @EachDatabase
  void readsInsideSeeTheTransactionsOwnWrites() {
    long seen =
        db.atomically(
            () -> {
              dedupe.firstTime("paypal", "WH-1");
              return TestDatabases.count(db, "SELECT COUNT(*) FROM inbound_seen");
            });

    assertThat(seen).isEqualTo(1);
  }

  @EachDatabase
  void aNestedTransactionJoinsTheOuterOneInsteadOfWaitingForIt() {
    long started = System.nanoTime();

    db.inTransaction(
        outer ->
            db.inTransaction(
                inner -> {
                  assertThat(inner).isSameAs(outer);
                  return dedupe.firstTime("slack", "retry-1");
                }));

    // A second SQLite write transaction would have waited for the 10 s busy timeout.
    assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    assertThat(dedupe.firstTime("slack", "retry-1")).isFalse();
  }
}
