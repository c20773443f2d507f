package io.disputedesk.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * When the digest goes out: its local time across time zones and daylight saving, weekdays, and
 * exactly once a day.
 */
class DigestOnceTest extends DigestTestBase {
  @Test
  void nothingGoesOutBeforeTheDigestTimeOrOnWeekendsWhenWeekdaysOnly() {
    assertThat(service().sendIfDue(TODAY_9.minusSeconds(1))).isEqualTo(DigestOutcome.NOT_YET);
    Instant saturday = Instant.parse("2026-11-21T10:00:00Z");
    assertThat(service(db, ZoneOffset.UTC, true, null).sendIfDue(saturday))
        .isEqualTo(DigestOutcome.WEEKEND);
    assertThat(outbox.inState(OutboxRow.PENDING)).isEmpty();
    assertThat(service(db, ZoneOffset.UTC, false, null).sendIfDue(saturday))
        .isEqualTo(DigestOutcome.SENT);
  }

  @Test
  void nineInNewYorkIsTheRightUtcInstantOnEachSideOfBothDaylightSavingSwitches() {
    DigestService ny = service(db, ZoneId.of("America/New_York"), true, null);
    // Before the March switch (EST, UTC−5) and after it (EDT, UTC−4).
    assertThat(ny.sendIfDue(Instant.parse("2026-03-06T13:59:59Z")))
        .isEqualTo(DigestOutcome.NOT_YET);
    assertThat(ny.sendIfDue(Instant.parse("2026-03-06T14:00:00Z"))).isEqualTo(DigestOutcome.SENT);
    assertThat(ny.sendIfDue(Instant.parse("2026-03-07T14:00:00Z")))
        .isEqualTo(DigestOutcome.WEEKEND);
    assertThat(ny.sendIfDue(Instant.parse("2026-03-09T12:59:59Z")))
        .isEqualTo(DigestOutcome.NOT_YET);
    assertThat(ny.sendIfDue(Instant.parse("2026-03-09T13:00:00Z"))).isEqualTo(DigestOutcome.SENT);
    // Before the November switch (EDT) and after it (EST).
    assertThat(ny.sendIfDue(Instant.parse("2026-10-30T12:59:59Z")))
        .isEqualTo(DigestOutcome.NOT_YET);
    assertThat(ny.sendIfDue(Instant.parse("2026-10-30T13:00:00Z"))).isEqualTo(DigestOutcome.SENT);
    assertThat(ny.sendIfDue(Instant.parse("2026-11-02T13:59:59Z")))
        .isEqualTo(DigestOutcome.NOT_YET);
    assertThat(ny.sendIfDue(Instant.parse("2026-11-02T14:00:00Z"))).isEqualTo(DigestOutcome.SENT);

    assertThat(digestKeys())
        .containsExactly(
            "message:digest:" + CHANNEL + ":2026-03-06",
                "message:digest:" + CHANNEL + ":2026-03-09",
            "message:digest:" + CHANNEL + ":2026-10-30",
                "message:digest:" + CHANNEL + ":2026-11-02");
  }

  @Test
  void noDigestBeforeTheFirstPollThenItGoesOut() {
    polledOnce.set(false);
    assertThat(service().sendIfDue(TODAY_9.plus(HOUR)))
        .isEqualTo(DigestOutcome.WAITING_FOR_FIRST_POLL);
    assertThat(outbox.inState(OutboxRow.PENDING)).isEmpty();

    polledOnce.set(true);
    assertThat(service().sendIfDue(TODAY_9.plus(HOUR).plusSeconds(300)))
        .isEqualTo(DigestOutcome.SENT);
  }

  @Test
  void secondCheckTheSameDaySendsNothing() {
    DigestService digest = service();
    assertThat(digest.sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);
    assertThat(digest.sendIfDue(TODAY_9.plus(HOUR))).isEqualTo(DigestOutcome.ALREADY_SENT);
    assertThat(outbox.inState(OutboxRow.PENDING)).hasSize(1);
  }

  @Test
  void twoInstancesOnOneDatabaseSendOneDigest() throws Exception {
    try (Database other = Database.open(TestDatabases.url(dir), clock)) {
      List<DigestService> replicas =
          List.of(service(), service(other, ZoneOffset.UTC, false, null));
      ExecutorService threads = Executors.newFixedThreadPool(2);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<DigestOutcome>> results = new ArrayList<>();
      for (DigestService replica : replicas) {
        Callable<DigestOutcome> run =
            () -> {
              go.await();
              return replica.sendIfDue(TODAY_9.plusSeconds(1));
            };
        results.add(threads.submit(run));
      }
      go.countDown();
      List<DigestOutcome> outcomes = new ArrayList<>();
      for (Future<DigestOutcome> f : results) {
        outcomes.add(f.get());
      }
      threads.shutdown();

      assertThat(outcomes)
          .containsExactlyInAnyOrder(DigestOutcome.SENT, DigestOutcome.ALREADY_SENT);
      assertThat(digestKeys()).containsExactly("message:digest:" + CHANNEL + ":2026-11-20");
    }
  }

  @Test
  void restartAfterSendingSendsNothingMore() {
    assertThat(service().sendIfDue(TODAY_9.plusSeconds(5))).isEqualTo(DigestOutcome.SENT);
    db.close();
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);

    assertThat(service().sendIfDue(TODAY_9.plusSeconds(60))).isEqualTo(DigestOutcome.ALREADY_SENT);
    assertThat(digestKeys()).hasSize(1);
  }

  @Test
  void crashBetweenClaimAndQueueingLeavesTheDayUnclaimedSoTheRestartSendsIt() {
    // The process dies after the day is claimed and before the digest reaches the outbox: the
    // database itself refuses the outbox write inside the same transaction.
    db.inTransaction(
        c -> {
          try (var st = c.createStatement()) {
            st.execute(
                "CREATE TRIGGER crash_before_queueing BEFORE INSERT ON slack_outbox"
                    + " BEGIN SELECT RAISE(ABORT, 'process killed'); END");
          }
          return null;
        });
    assertThatThrownBy(() -> service().sendIfDue(TODAY_9.plusSeconds(5)))
        .hasStackTraceContaining("process killed");
    db.inTransaction(
        c -> {
          try (var st = c.createStatement()) {
            st.execute("DROP TRIGGER crash_before_queueing");
          }
          return null;
        });
    assertThat(ledger.lastCoveredTo(CHANNEL)).isEmpty();
    assertThat(outbox.inState(OutboxRow.PENDING)).isEmpty();

    assertThat(service().sendIfDue(TODAY_9.plusSeconds(60))).isEqualTo(DigestOutcome.SENT);
    assertThat(digestKeys()).containsExactly("message:digest:" + CHANNEL + ":2026-11-20");
  }

  @Test
  void digestMissedWhileDownGoesOutOnReturnTheSameDay() {
    DigestService digest = service();

    assertThat(digest.sendIfDue(TODAY_9.plus(HOUR.multipliedBy(6)))).isEqualTo(DigestOutcome.SENT);
    assertThat(digest.sendIfDue(TODAY_9.plus(HOUR.multipliedBy(6)).plusSeconds(300)))
        .isEqualTo(DigestOutcome.ALREADY_SENT);
    assertThat(digestKeys()).containsExactly("message:digest:" + CHANNEL + ":2026-11-20");
  }

  @Test
  void digestMissedYesterdayIsNotSentTodayAndTodaysCoversSinceTheLastOne() {
    Instant wednesday9 = Instant.parse("2026-11-18T09:00:00Z");
    DigestService digest = service();
    assertThat(digest.sendIfDue(wednesday9)).isEqualTo(DigestOutcome.SENT);
    // Down all of Thursday; back on Friday before nine.
    assertThat(digest.sendIfDue(TODAY_9.minus(HOUR))).isEqualTo(DigestOutcome.NOT_YET);
    assertThat(digestKeys()).containsExactly("message:digest:" + CHANNEL + ":2026-11-18");

    assertThat(digest.sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);
    assertThat(digestKeys())
        .containsExactly(
            "message:digest:" + CHANNEL + ":2026-11-18",
            "message:digest:" + CHANNEL + ":2026-11-20");
    assertThat(coveredFrom("2026-11-20")).isEqualTo(wednesday9);
  }
}
