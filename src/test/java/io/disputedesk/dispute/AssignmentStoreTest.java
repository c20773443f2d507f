package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.json.Json;
import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.StoreException;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class AssignmentStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  private final ShiftableClock clock = new ShiftableClock(START);
  private Database db;
  private AssignmentStore assignments;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    new DisputeStore(db, Json.newMapper()).upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    assignments = new AssignmentStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void assigningMakesTheUserOwner() {
    assertThat(assignments.assign("PP-D-4012", "U1", "U-LEAD")).isEmpty();

    assertThat(assignments.owner("PP-D-4012"))
        .contains(new Assignment("PP-D-4012", "U1", "U-LEAD", START));
  }

  @EachDatabase
  void reassigningReplacesTheOwnerAndReturnsThePreviousOne() {
    assignments.assign("PP-D-4012", "U1", "U-LEAD");
    clock.advance(Duration.ofMinutes(3));

    assertThat(assignments.assign("PP-D-4012", "U2", "U1"))
        .contains(new Assignment("PP-D-4012", "U1", "U-LEAD", START));
    assertThat(assignments.owner("PP-D-4012"))
        .contains(new Assignment("PP-D-4012", "U2", "U1", START.plus(Duration.ofMinutes(3))));
  }

  @EachDatabase
  void unassigningLeavesTheDisputeWithoutOwner() {
    assignments.assign("PP-D-4012", "U1", "U-LEAD");

    assertThat(assignments.unassign("PP-D-4012")).isTrue();
    assertThat(assignments.unassign("PP-D-4012")).isFalse();
    assertThat(assignments.owner("PP-D-4012")).isEmpty();
  }

  @EachDatabase
  void concurrentAssignsEachReplaceADifferentOwner() throws Exception {
    List<Optional<Assignment>> replaced =
        Concurrently.run(8, i -> () -> assignments.assign("PP-D-4012", "U" + i, "U-LEAD"));

    // The assignments happened one after another: one found no owner, each other one replaced the
    // owner set just before it, and the last owner is the one nobody replaced.
    assertThat(replaced).filteredOn(Optional::isEmpty).hasSize(1);
    List<String> previousOwners =
        replaced.stream().flatMap(Optional::stream).map(Assignment::userId).toList();
    assertThat(previousOwners).hasSize(7).doesNotHaveDuplicates();
    String owner = assignments.owner("PP-D-4012").orElseThrow().userId();
    assertThat(previousOwners).doesNotContain(owner);
  }

  @EachDatabase
  void anUnknownDisputeCannotBeAssigned() {
    assertThatThrownBy(() -> assignments.assign("NOT-STORED", "U1", "U-LEAD"))
        .isInstanceOf(StoreException.class)
        .message()
        .containsIgnoringCase("foreign key");
    assertThat(assignments.owner("NOT-STORED")).isEmpty();
  }
}
