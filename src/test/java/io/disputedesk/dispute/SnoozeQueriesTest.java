package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Snoozes in the store and in the read queries, on SQLite and on PostgreSQL. */
class SnoozeQueriesTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private final ShiftableClock clock = new ShiftableClock(NOW);
  private Database db;
  private DisputeQueries queries;
  private SnoozeStore snoozes;

  @BeforeEach
  void seed(TestDatabase database) {
    db = database.open(clock);
    queries = new DisputeQueries(db);
    snoozes = new SnoozeStore(db);
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    // Snoozed until tomorrow morning, deadline in 50 h: hidden.
    seed(seeds, "PP-S-A", 50);
    snoozes.put(
        Snooze.start(
            "PP-S-A",
            Snooze.Mode.UNTIL,
            NOW.plus(HOUR.multipliedBy(20)),
            0,
            "courier",
            "U1",
            NOW.minus(HOUR)));
    // Not snoozed.
    seed(seeds, "PP-S-B", 60);
    // Snoozed, but its deadline is within 24 h: shown.
    seed(seeds, "PP-S-C", 10);
    snoozes.put(
        Snooze.start(
            "PP-S-C",
            Snooze.Mode.UNTIL,
            NOW.plus(HOUR.multipliedBy(30)),
            0,
            null,
            "U1",
            NOW.minus(HOUR.multipliedBy(30))));
    // Snoozed until an hour ago, not woken yet: shown.
    seed(seeds, "PP-S-D", 70);
    snoozes.put(
        Snooze.start(
            "PP-S-D",
            Snooze.Mode.UNTIL,
            NOW.minus(HOUR),
            0,
            null,
            "U2",
            NOW.minus(HOUR.multipliedBy(5))));
    // Snoozed until the buyer writes: hidden.
    seed(seeds, "PP-S-E", 40);
    snoozes.put(
        Snooze.start(
            "PP-S-E", Snooze.Mode.BUYER, null, 2, null, "U2", NOW.minus(HOUR.multipliedBy(2))));
  }

  private static void seed(DisputeSeeds seeds, String id, int dueInHours) {
    seeds
        .dispute(id)
        .amount("10.00", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(dueInHours)))
        .created(NOW.minus(HOUR.multipliedBy(72)))
        .seenAt(NOW.minus(HOUR.multipliedBy(72)))
        .store();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void theDueListLeavesOutOnlySleepingSnoozesWhoseDeadlineIsMoreThanADayAway() {
    assertThat(ids(queries.list(ListFilter.due(Duration.ofHours(72)), NOW, 0, 10)))
        .containsExactly("PP-S-C", "PP-S-B", "PP-S-D");
    assertThat(queries.count(ListFilter.due(Duration.ofHours(72)), NOW)).isEqualTo(3);
    // A list that leaves out the due ones shows the snoozed ones.
    assertThat(
            ids(
                queries.list(
                    ListFilter.of(DisputeView.UNASSIGNED).except(null, DisputeView.DUE),
                    NOW,
                    0,
                    10)))
        .containsExactly("PP-S-E", "PP-S-A");
    assertThat(ids(queries.list(ListFilter.of(DisputeView.OPEN), NOW, 0, 10))).hasSize(5);
  }

  @EachDatabase
  void theDigestsDueSectionAndTheRemindersLeaveThemOutToo() {
    assertThat(
            ids(
                queries
                    .digest(NOW.minus(Duration.ofDays(1)), NOW, Duration.ofHours(48), 10)
                    .dueSoon()
                    .lines()))
        .containsExactly("PP-S-C");
    assertThat(
            ids(
                queries.waitingForSeller(
                    NOW.minus(Duration.ofDays(3)), NOW.plus(HOUR.multipliedBy(72)), NOW)))
        .containsExactly("PP-S-C", "PP-S-B", "PP-S-D");
    assertThat(
            ids(
                queries.waitingForSeller(
                    NOW.minus(Duration.ofDays(3)), NOW.plus(HOUR.multipliedBy(72)))))
        .hasSize(5);
  }

  @EachDatabase
  void dueToWakeSaysWhyAndAWakeHappensOnce() {
    assertThat(snoozes.dueToWake(NOW, NOW.plus(Duration.ofHours(24))))
        .extracting(d -> d.snooze().disputeId() + " " + d.why())
        .containsExactly("PP-S-C DEADLINE", "PP-S-D TIME");

    Snooze a = snoozes.find("PP-S-A").orElseThrow();
    assertThat(a.reason()).isEqualTo("courier");
    assertThat(snoozes.wake("PP-S-A", a.at(), Snooze.Wake.UNSNOOZED, NOW)).isTrue();
    assertThat(snoozes.wake("PP-S-A", a.at(), Snooze.Wake.TIME, NOW)).as("already awake").isFalse();
    assertThat(snoozes.find("PP-S-A").orElseThrow())
        .satisfies(s -> assertThat(s.asleep()).isFalse())
        .satisfies(s -> assertThat(s.wake()).isEqualTo(Snooze.Wake.UNSNOOZED));
    assertThat(snoozes.asleepOf(List.of("PP-S-A", "PP-S-B", "PP-S-C", "PP-S-D", "PP-S-E")))
        .extracting(Snooze::disputeId)
        .containsExactlyInAnyOrder("PP-S-C", "PP-S-D", "PP-S-E");
    assertThat(ids(queries.list(ListFilter.due(Duration.ofHours(72)), NOW, 0, 10)))
        .contains("PP-S-A");
  }

  @EachDatabase
  void asleepOfReadsOnlyTheSleepingSnoozesOfTheGivenDisputes() {
    Snooze a = snoozes.find("PP-S-A").orElseThrow();
    assertThat(snoozes.wake("PP-S-A", a.at(), Snooze.Wake.UNSNOOZED, NOW)).isTrue();

    // A woken, B never snoozed, C and D asleep (D past its time but not woken), E not asked for.
    assertThat(snoozes.asleepOf(List.of("PP-S-A", "PP-S-B", "PP-S-C", "PP-S-D", "PP-S-X")))
        .extracting(Snooze::disputeId)
        .containsExactlyInAnyOrder("PP-S-C", "PP-S-D");
    assertThat(snoozes.asleepOf(List.of("PP-S-E", "PP-S-E")))
        .singleElement()
        .isEqualTo(snoozes.find("PP-S-E").orElseThrow());
    assertThat(snoozes.asleepOf(List.of())).isEmpty();
  }

  private static List<String> ids(List<DisputeLine> lines) {
    return lines.stream().map(DisputeLine::disputeId).toList();
  }
}
