package io.disputedesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;
import java.util.List;

class ReminderLedgerTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant DUE = Instant.parse("2026-11-30T06:59:59Z");

  @EachDatabase
  void concurrentClaimsOfOneReminderLetExactlyOneCallerSend(TestDatabase database)
      throws Exception {
    try (Database db = database.open(new ShiftableClock(NOW))) {
      ReminderLedger ledger = new ReminderLedger(db);

      List<Boolean> wins = Concurrently.run(16, i -> () -> ledger.claim("PP-D-1", "72h", DUE, NOW));

      assertThat(wins).containsOnlyOnce(true);
    }
  }

  @EachDatabase
  void anotherThresholdOrANewDueDateIsASeparateReminder(TestDatabase database) {
    try (Database db = database.open(new ShiftableClock(NOW))) {
      ReminderLedger ledger = new ReminderLedger(db);
      assertThat(ledger.claim("PP-D-1", "72h", DUE, NOW)).isTrue();

      assertThat(ledger.claim("PP-D-1", "24h", DUE, NOW)).isTrue();
      assertThat(ledger.claim("PP-D-1", "72h", DUE.plusSeconds(86_400), NOW)).isTrue();
      assertThat(ledger.claim("PP-D-2", "72h", DUE, NOW)).isTrue();
      assertThat(ledger.claim("PP-D-1", "72h", DUE, NOW.plusSeconds(60))).isFalse();
    }
  }
}
