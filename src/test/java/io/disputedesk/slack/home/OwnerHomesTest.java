package io.disputedesk.slack.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Home tabs a change of disputes republishes, on a real SQLite database. */
class OwnerHomesTest {
  private static final String ALICE = "U0A1B2C3E";
  private static final String BOB = "U0A1B2C3M";

  @TempDir Path dir;
  private Database db;
  private AssignmentStore owners;
  private final List<String> republished = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-20T10:00:00Z"));
    db = TestDatabases.open(dir, clock);
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    for (String id : List.of("PP-D-1", "PP-D-2", "PP-D-3", "PP-D-4")) {
      seeds.dispute(id).store();
    }
    owners = new AssignmentStore(db);
    owners.assign("PP-D-1", ALICE, BOB);
    owners.assign("PP-D-2", ALICE, ALICE);
    owners.assign("PP-D-3", BOB, BOB);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void eachOwnerOfAChangedDisputeIsRepublishedOnce() {
    new OwnerHomes(owners, republished::add)
        .changed(Set.of("PP-D-1", "PP-D-2", "PP-D-3", "PP-D-4"));

    assertThat(republished).containsExactlyInAnyOrder(ALICE, BOB);
  }

  @Test
  void changesToUnownedDisputesRepublishNoOne() {
    new OwnerHomes(owners, republished::add).changed(Set.of("PP-D-4", "PP-D-9999"));

    assertThat(republished).isEmpty();
  }
}
