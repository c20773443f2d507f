package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.json.Json;
import io.disputedesk.store.Database;
import io.disputedesk.sim.MutableClock;
import io.disputedesk.store.StoreException;
import io.disputedesk.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(START);
  private Database db;
  private AssignmentStore assignments;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir, clock);
    new DisputeStore(db, Json.newMapper()).upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    assignments = new AssignmentStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void assigningMakesTheUserOwner() {
    assertThat(assignments.assign("PP-D-4012", "U1", "U-LEAD")).isEmpty();

    assertThat(assignments.owner("PP-D-4012"))
        .contains(new Assignment("PP-D-4012", "U1", "U-LEAD", START));
  }

  @Test
  void reassigningReplacesTheOwnerAndReturnsThePreviousOne() {
    assignments.assign("PP-D-4012", "U1", "U-LEAD");
    clock.advance(Duration.ofMinutes(3));

    assertThat(assignments.assign("PP-D-4012", "U2", "U1"))
        .contains(new Assignment("PP-D-4012", "U1", "U-LEAD", START));
    assertThat(assignments.owner("PP-D-4012"))
        .contains(new Assignment("PP-D-4012", "U2", "U1", START.plus(Duration.ofMinutes(3))));
  }

  @Test
  void unassigningLeavesTheDisputeWithoutOwner() {
    assignments.assign("PP-D-4012", "U1", "U-LEAD");

    assertThat(assignments.unassign("PP-D-4012")).isTrue();
    assertThat(assignments.unassign("PP-D-4012")).isFalse();
    assertThat(assignments.owner("PP-D-4012")).isEmpty();
  }

  @Test
  void anUnknownDisputeCannotBeAssigned() {
    assertThatThrownBy(() -> assignments.assign("NOT-STORED", "U1", "U-LEAD"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("FOREIGN KEY");
    assertThat(assignments.owner("NOT-STORED")).isEmpty();
  }
}
