package io.disputedesk.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

class DigestLedgerTest {
  private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  @EachDatabase
  void concurrentClaimsOfOneDaysDigestLetExactlyOneReplicaSend(TestDatabase database)
      throws Exception {
    try (Database db = database.open(new ShiftableClock(NOW))) {
      DigestLedger ledger = new DigestLedger(db);

      List<Boolean> wins =
          Concurrently.run(
              16, i -> () -> ledger.claim("C1", DAY, NOW.minusSeconds(86_400), NOW, NOW));

      assertThat(wins).containsOnlyOnce(true);
      assertThat(ledger.claim("C2", DAY, NOW.minusSeconds(86_400), NOW, NOW)).isTrue();
    }
  }

  @EachDatabase
  void lastCoveredToIsTheEndOfTheLatestDigestOfTheChannel(TestDatabase database) {
    try (Database db = database.open(new ShiftableClock(NOW))) {
      DigestLedger ledger = new DigestLedger(db);
      assertThat(ledger.lastCoveredTo("C1")).isEmpty();

      ledger.claim(
          "C1", DAY.minusDays(1), NOW.minusSeconds(2 * 86_400), NOW.minusSeconds(86_400), NOW);
      ledger.claim("C1", DAY, NOW.minusSeconds(86_400), NOW, NOW);
      ledger.claim("C2", DAY.plusDays(1), NOW, NOW.plusSeconds(86_400), NOW);

      assertThat(ledger.lastCoveredTo("C1")).contains(NOW);
    }
  }
}
