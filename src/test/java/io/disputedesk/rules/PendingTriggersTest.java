package io.disputedesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded trigger occurrences on a real database: each once, one claim wins, done ones are
 * forgotten.
 */
class PendingTriggersTest {
  private final ShiftableClock clock = new ShiftableClock();
  private final Occurrence created = new Occurrence(RuleTrigger.NEW_DISPUTE, "new");
  @TempDir Path dir;
  private Database db;
  private PendingTriggers pending;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir, clock);
    pending = new PendingTriggers(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Instant staleBefore() {
    return clock.instant().minus(RuleEngine.ABANDONED_AFTER);
  }

  @Test
  void anOccurrenceRecordedTwiceIsPendingOnceAndOnlyTheFirstClaimTakesIt() {
    pending.record("PP-D-1", created);
    pending.record("PP-D-1", created);
    pending.record("PP-D-2", created);

    assertThat(pending.unclaimed(staleBefore(), 10))
        .extracting(PendingTriggers.Pending::disputeId)
        .containsExactly("PP-D-1", "PP-D-2");
    long id = pending.unclaimed(staleBefore(), 10).get(0).id();
    assertThat(pending.unclaimed(staleBefore(), 10).get(0).occurrence()).isEqualTo(created);
    assertThat(pending.claim(id, staleBefore())).isTrue();
    assertThat(pending.claim(id, staleBefore())).isFalse();
    assertThat(pending.unclaimed(staleBefore(), 10))
        .extracting(PendingTriggers.Pending::disputeId)
        .containsExactly("PP-D-2");
  }

  @Test
  void aClaimWhoseProcessStoppedIsTakenAgainAfterTheAbandonTimeButADoneOneNever() {
    pending.record("PP-D-1", created);
    pending.record("PP-D-2", created);
    long stopped = pending.unclaimed(staleBefore(), 10).get(0).id();
    long finished = pending.unclaimed(staleBefore(), 10).get(1).id();
    assertThat(pending.claim(stopped, staleBefore())).isTrue();
    assertThat(pending.claim(finished, staleBefore())).isTrue();
    pending.done(finished);

    clock.advance(RuleEngine.ABANDONED_AFTER.plusSeconds(1));

    assertThat(pending.unclaimed(staleBefore(), 10))
        .extracting(PendingTriggers.Pending::id)
        .containsExactly(stopped);
    assertThat(pending.claim(stopped, staleBefore())).isTrue();
    assertThat(pending.claim(finished, staleBefore())).isFalse();
  }

  @Test
  void doneOccurrencesAreForgottenAfterTheirTimeAndPendingOnesNever() {
    pending.record("PP-D-1", created);
    pending.record("PP-D-2", created);
    long done = pending.unclaimed(staleBefore(), 10).get(0).id();
    pending.claim(done, staleBefore());
    pending.done(done);
    clock.advance(Duration.ofDays(8));

    assertThat(pending.pruneDone(clock.instant().minus(RuleTriggers.KEEP_DONE))).isEqualTo(1);
    assertThat(pending.unclaimed(staleBefore(), 10))
        .extracting(PendingTriggers.Pending::disputeId)
        .containsExactly("PP-D-2");
    assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM rule_triggers")).isEqualTo(1);
  }
}
