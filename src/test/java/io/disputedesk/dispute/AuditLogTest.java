package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;

class AuditLogTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private final ShiftableClock clock = new ShiftableClock(T0);

  @EachDatabase
  void entriesSurviveClosingAndReopeningTheDatabase(TestDatabase database) {
    AuditEntry offer =
        new AuditEntry(
            T0, "U1", "PP-D-1", "MAKE_OFFER", "refund 10.00 USD", "SUCCEEDED", "f00d", null);
    AuditEntry denied =
        new AuditEntry(
            T0.plusSeconds(5),
            "U2",
            "PP-D-1",
            "ACCEPT_CLAIM",
            null,
            "DENIED",
            null,
            "not an approver");
    try (Database db = database.open(clock)) {
      AuditLog log = new AuditLog(db);
      log.append(offer);
      log.append(denied);
    }

    try (Database db = database.open(clock)) {
      assertThat(new AuditLog(db).forDispute("PP-D-1")).containsExactly(offer, denied);
    }
  }

  @EachDatabase
  void entriesWithoutDisputeAreKeptAndListedOnlyInRecent(TestDatabase database) {
    try (Database db = database.open(clock)) {
      AuditLog log = new AuditLog(db);
      AuditEntry config = new AuditEntry(T0, "U9", null, "SETTINGS", null, "OK", null, null);
      log.append(config);

      assertThat(log.forDispute("PP-D-1")).isEmpty();
      assertThat(log.recent(10)).containsExactly(config);
    }
  }

  @EachDatabase
  void recentListsTheNewestFirstUpToTheLimit(TestDatabase database) {
    try (Database db = database.open(clock)) {
      AuditLog log = new AuditLog(db);
      for (int i = 0; i < 5; i++) {
        log.append(
            new AuditEntry(
                T0.plusSeconds(i),
                "U1",
                "PP-D-" + i,
                "SEND_MESSAGE",
                null,
                "SUCCEEDED",
                null,
                null));
      }

      assertThat(log.recent(3))
          .extracting(AuditEntry::disputeId)
          .containsExactly("PP-D-4", "PP-D-3", "PP-D-2");
    }
  }
}
