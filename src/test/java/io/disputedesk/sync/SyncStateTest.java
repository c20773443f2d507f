package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.sim.MutableClock;
import io.disputedesk.store.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStateTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path dir;

  @Test
  void valuesAreStoredOverwrittenAndSurviveARestart() {
    Instant cursor = Instant.parse("2026-11-18T09:49:53.336Z");
    try (Database db = TestDatabases.open(dir, new MutableClock(NOW))) {
      SyncState state = new SyncState(db);
      assertThat(state.instant("poll.cursor")).isEmpty();

      state.put("poll.cursor", NOW);
      state.put("poll.cursor", cursor);
      state.put("poll.last_error", "503 from PayPal");
    }

    try (Database db = TestDatabases.open(dir, new MutableClock(NOW))) {
      SyncState state = new SyncState(db);
      assertThat(state.instant("poll.cursor")).contains(cursor);
      assertThat(state.string("poll.last_error")).contains("503 from PayPal");
      assertThat(state.instant("poll.last_error")).as("not an instant").isEmpty();
      assertThat(state.string("missing")).isEmpty();
    }
  }
}
