package io.disputedesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.jobs.RetentionJob;
import io.disputedesk.slack.OutboxEntry;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.InboundDedupe;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;

/** The daily prune deletes only what is past its period, on SQLite and PostgreSQL. */
class RetentionTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final ShiftableClock clock = new ShiftableClock(START);

  private static void sent(OutboxStore outbox, String key, Instant at) {
    outbox.enqueue(new OutboxEntry(key, "MESSAGE", "C1", null, "{\"text\":\"x\"}"));
    OutboxRow row =
        outbox.claimDue("w", at, LEASE, 100).stream()
            .filter(r -> r.dedupeKey().equals(key))
            .findFirst()
            .orElseThrow();
    outbox.markSending(row.id());
    outbox.markSent(row.id(), "1." + row.id(), at);
  }

  private static void failed(OutboxStore outbox, String key, Instant at) {
    outbox.enqueue(new OutboxEntry(key, "MESSAGE", "C1", null, "{\"text\":\"x\"}"));
    OutboxRow row =
        outbox.claimDue("w", at, LEASE, 100).stream()
            .filter(r -> r.dedupeKey().equals(key))
            .findFirst()
            .orElseThrow();
    outbox.markFailed(row.id(), "channel_not_found");
  }

  private static AuditEntry entry(Instant at) {
    return new AuditEntry(at, "U1", "PP-D-1", "MAKE_OFFER", null, "SUCCEEDED", null, null);
  }

  @EachDatabase
  void onlyRowsPastTheirPeriodArePrunedAndPendingWritesNever(TestDatabase database) {
    try (Database db = database.open(clock)) {
      OutboxStore outbox = new OutboxStore(db);
      InboundDedupe inbound = new InboundDedupe(db);
      AuditLog audit = new AuditLog(db);
      sent(outbox, "message:old-sent", START);
      failed(outbox, "message:old-failed", START);
      outbox.enqueue(
          new OutboxEntry("message:old-pending", "MESSAGE", "C1", null, "{\"text\":\"x\"}"));
      inbound.firstTime("paypal", "WH-old");
      audit.append(entry(START));
      clock.set(START.plus(Duration.ofDays(30)));
      sent(outbox, "message:recent-sent", clock.instant());
      inbound.firstTime("paypal", "WH-recent");
      audit.append(entry(clock.instant()));
      Instant now = START.plus(Duration.ofDays(35));
      clock.set(now);

      Retention.Pruned pruned =
          new Retention(outbox, inbound, audit, Retention.Periods.withAudit(Duration.ofDays(30)))
              .run(now);

      assertThat(pruned).isEqualTo(new Retention.Pruned(1, 1, 1, 1));
      assertThat(outbox.inState(OutboxRow.SENT))
          .extracting(OutboxRow::dedupeKey)
          .containsExactly("message:recent-sent");
      assertThat(outbox.inState(OutboxRow.FAILED)).isEmpty();
      assertThat(outbox.inState(OutboxRow.PENDING))
          .extracting(OutboxRow::dedupeKey)
          .containsExactly("message:old-pending");
      assertThat(inbound.firstTime("paypal", "WH-old")).as("forgotten").isTrue();
      assertThat(inbound.firstTime("paypal", "WH-recent")).as("still remembered").isFalse();
      assertThat(audit.recent(10))
          .extracting(AuditEntry::at)
          .containsExactly(START.plus(Duration.ofDays(30)));
    }
  }

  @EachDatabase
  void theAuditLogIsKeptForItsPeriodAndALargeBacklogGoesInBatches(TestDatabase database) {
    try (Database db = database.open(clock)) {
      AuditLog audit = new AuditLog(db);
      int old = 5_001;
      db.atomically(
          () -> {
            for (int i = 0; i < old; i++) {
              audit.append(entry(START.plusSeconds(i)));
            }
            return null;
          });
      audit.append(entry(START.plus(Duration.ofDays(100))));
      Instant now = START.plus(Duration.ofDays(400));
      clock.set(now);
      Retention retention =
          new Retention(
              new OutboxStore(db),
              new InboundDedupe(db),
              audit,
              Retention.Periods.withAudit(Duration.ofDays(350)));

      new RetentionJob(retention, clock).execute(null);

      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(1);
      assertThat(audit.pruneBefore(now.minus(Duration.ofDays(350)))).isZero();
    }
  }
}
