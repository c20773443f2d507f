package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

class PeriodClaimsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant WEEK_AGO = NOW.minusSeconds(7 * 86_400);
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  @EachDatabase
  void concurrentClaimsOfOnePeriodLetExactlyOneCallerPostInEachLedger(TestDatabase database)
      throws Exception {
    try (Database db = database.open(new ShiftableClock(NOW))) {
      for (PeriodClaims claims :
          List.of(
              new PeriodClaims(db, "digests_sent", "digest_date"),
              new PeriodClaims(db, "reports_sent", "report_date"))) {
        List<Boolean> wins =
            Concurrently.run(16, i -> () -> claims.claim("C1", DAY, WEEK_AGO, NOW, NOW));

        assertThat(wins).containsOnlyOnce(true);
        assertThat(claims.claim("C1", DAY.plusDays(1), WEEK_AGO, NOW, NOW)).isTrue();
        assertThat(claims.claim("C2", DAY, WEEK_AGO, NOW, NOW)).isTrue();
      }
    }
  }

  @EachDatabase
  void aPeriodIsClaimedOnlyInItsOwnLedgerAndChannel(TestDatabase database) {
    try (Database db = database.open(new ShiftableClock(NOW))) {
      PeriodClaims digests = new PeriodClaims(db, "digests_sent", "digest_date");
      PeriodClaims reports = new PeriodClaims(db, "reports_sent", "report_date");
      assertThat(reports.claimed("C1", DAY)).isFalse();

      reports.claim("C1", DAY, WEEK_AGO, NOW, NOW);

      assertThat(reports.claimed("C1", DAY)).isTrue();
      assertThat(reports.claimed("C2", DAY)).isFalse();
      assertThat(reports.claimed("C1", DAY.plusDays(7))).isFalse();
      assertThat(digests.claimed("C1", DAY)).isFalse();
    }
  }
}
