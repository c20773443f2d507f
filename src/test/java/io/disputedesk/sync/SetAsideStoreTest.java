package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;

/** The set-aside list on SQLite and PostgreSQL. */
class SetAsideStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  private final ShiftableClock clock = new ShiftableClock(START);

  @EachDatabase
  void eachFailedTryCountsAndDoublesTheWaitUpToAnHour(TestDatabase database) {
    try (Database db = database.open(clock)) {
      SetAsideStore store = new SetAsideStore(db);

      SetAside first = store.failed("PP-D-1", "HTTP_503", START);
      SetAside second = store.failed("PP-D-1", "UNREADABLE_JSON", START.plusSeconds(90));

      assertThat(first.attempts()).isEqualTo(1);
      assertThat(first.nextTryAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
      assertThat(second.attempts()).isEqualTo(2);
      assertThat(second.nextTryAt()).isEqualTo(START.plusSeconds(90).plus(Duration.ofMinutes(2)));
      assertThat(store.find("PP-D-1"))
          .hasValueSatisfying(
              s -> {
                assertThat(s.attempts()).isEqualTo(2);
                assertThat(s.lastErrorClass()).isEqualTo("UNREADABLE_JSON");
                assertThat(s.firstFailedAt()).isEqualTo(START);
              });
      assertThat(SetAsideStore.backoff(7)).isEqualTo(Duration.ofHours(1));
      assertThat(SetAsideStore.backoff(40)).isEqualTo(Duration.ofHours(1));
    }
  }

  @EachDatabase
  void onlyEntriesWhoseWaitIsOverAreDueAndASuccessClearsOne(TestDatabase database) {
    try (Database db = database.open(clock)) {
      SetAsideStore store = new SetAsideStore(db);
      store.failed("PP-D-1", "HTTP_500", START);
      store.failed("PP-D-2", "HTTP_403_NOT_AUTHORIZED", START.plusSeconds(30));
      store.failed("PP-D-2", "HTTP_403_NOT_AUTHORIZED", START.plusSeconds(40));

      assertThat(store.due(START.plusSeconds(59), 10)).isEmpty();
      assertThat(store.due(START.plusSeconds(60), 10))
          .extracting(SetAside::disputeId)
          .containsExactly("PP-D-1");
      assertThat(store.due(START.plus(Duration.ofMinutes(5)), 10))
          .extracting(SetAside::disputeId)
          .containsExactly("PP-D-1", "PP-D-2");
      assertThat(store.due(START.plus(Duration.ofMinutes(5)), 1)).hasSize(1);
      assertThat(store.count()).isEqualTo(2);

      assertThat(store.clear("PP-D-1")).isTrue();
      assertThat(store.clear("PP-D-1")).isFalse();

      assertThat(store.list(10)).extracting(SetAside::disputeId).containsExactly("PP-D-2");
      assertThat(store.count()).isEqualTo(1);
    }
  }
}
