package io.disputedesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.order.TrackerAddition.Status;
import io.disputedesk.paypal.NewTracker;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Trackers to add with evidence, on SQLite and PostgreSQL: planned once, claimed by one sender,
 * settled once.
 */
class TrackerAdditionStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private static final NewTracker TRACKER =
      NewTracker.typed("8MC585209K746392H", "Royal Mail", "RM123456785GB");
  private final ShiftableClock clock = new ShiftableClock(START);
  private Database db;
  private TrackerAdditionStore store;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    store = new TrackerAdditionStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void aPlannedTrackerIsClaimedByOneSenderAndSettledOnce() {
    store.plan(7, "PP-D-1", TRACKER);
    store.plan(7, "PP-D-1", NewTracker.typed("8MC585209K746392H", "UPS", "1Z999AA10123456784"));

    TrackerAddition planned = store.find(7).orElseThrow();
    assertThat(planned.status()).isEqualTo(Status.PLANNED);
    assertThat(planned.tracker()).isEqualTo(TRACKER);
    assertThat(planned.tracker().carrier()).isEqualTo("ROYAL_MAIL");
    assertThat(planned.requestId()).isNotBlank();
    assertThat(store.unsettled(clock.instant())).containsExactly(7L);

    Instant until = START.plus(Duration.ofMinutes(10));
    assertThat(store.claim(7, START, until)).isTrue();
    assertThat(store.claim(7, START, until)).as("a second sender").isFalse();
    assertThat(store.unsettled(START)).isEmpty();
    assertThat(store.drop(7, "too late")).isFalse();

    assertThat(store.settle(7, Status.ADDED, "PayPal added it", null)).isTrue();
    assertThat(store.settle(7, Status.FAILED, "again", null)).isFalse();
    assertThat(store.claim(7, START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(2))))
        .isFalse();
    assertThat(store.find(7).orElseThrow().status()).isEqualTo(Status.ADDED);
    assertThat(store.find(7).orElseThrow().requestId()).isEqualTo(planned.requestId());
  }

  @EachDatabase
  void aClaimWhoseSenderStoppedIsTakenOverOnlyAfterItRanOut() {
    store.plan(8, "PP-D-2", TRACKER);
    assertThat(store.claim(8, START, START.plus(Duration.ofMinutes(10)))).isTrue();

    assertThat(store.unsettled(START.plus(Duration.ofMinutes(9)))).isEmpty();
    assertThat(
            store.claim(8, START.plus(Duration.ofMinutes(9)), START.plus(Duration.ofMinutes(19))))
        .isFalse();
    assertThat(store.unsettled(START.plus(Duration.ofMinutes(11)))).containsExactly(8L);
    assertThat(
            store.claim(8, START.plus(Duration.ofMinutes(11)), START.plus(Duration.ofMinutes(21))))
        .isTrue();
  }

  @EachDatabase
  void evidenceThatDidNotGoThroughDropsItsTracker() {
    store.plan(9, "PP-D-3", TRACKER);

    assertThat(store.drop(9, "the evidence did not go through")).isTrue();

    assertThat(store.find(9).orElseThrow().status()).isEqualTo(Status.DROPPED);
    assertThat(store.claim(9, START, START.plus(Duration.ofMinutes(10)))).isFalse();
    assertThat(store.unsettled(START)).isEmpty();
  }
}
