package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class InboundDedupeTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  private final ShiftableClock clock = new ShiftableClock(START);

  @EachDatabase
  void aDeliveryIsFirstOnlyOnceEvenUnderConcurrency(TestDatabase database) throws Exception {
    try (Database db = database.open(clock)) {
      InboundDedupe dedupe = new InboundDedupe(db);

      List<Boolean> first = Concurrently.run(16, i -> () -> dedupe.firstTime("paypal", "WH-1"));

      assertThat(first).containsOnlyOnce(true);
      assertThat(dedupe.firstTime("slack", "WH-1")).isTrue();
    }
  }

  @EachDatabase
  void pruningForgetsOldDeliveriesOnly(TestDatabase database) {
    try (Database db = database.open(clock)) {
      InboundDedupe dedupe = new InboundDedupe(db);
      dedupe.firstTime("paypal", "old");
      clock.advance(Duration.ofDays(3));
      dedupe.firstTime("paypal", "recent");

      assertThat(dedupe.prune(START.plus(Duration.ofDays(1)))).isEqualTo(1);

      assertThat(dedupe.firstTime("paypal", "old")).isTrue();
      assertThat(dedupe.firstTime("paypal", "recent")).isFalse();
    }
  }
}
