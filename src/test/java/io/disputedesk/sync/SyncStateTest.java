package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;

class SyncStateTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @EachDatabase
  void valuesAreStoredOverwrittenAndSurviveARestart(TestDatabase database) {
    Instant cursor = Instant.parse("2026-11-18T09:49:53.336Z");
    try (Database db = database.open(new ShiftableClock(NOW))) {
      SyncState state = new SyncState(db);
      assertThat(state.instant("poll.cursor")).isEmpty();

      state.put("poll.cursor", NOW);
      state.put("poll.cursor", cursor);
      state.put("poll.last_error", "503 from PayPal");
    }

    try (Database db = database.open(new ShiftableClock(NOW))) {
      SyncState state = new SyncState(db);
      assertThat(state.instant("poll.cursor")).contains(cursor);
      assertThat(state.string("poll.last_error")).contains("503 from PayPal");
      assertThat(state.instant("poll.last_error")).as("not an instant").isEmpty();
      assertThat(state.string("missing")).isEmpty();
    }
  }
}
