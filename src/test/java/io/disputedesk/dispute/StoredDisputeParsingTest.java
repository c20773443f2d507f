package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store hands out its parsed disputes again while their stored JSON is unchanged. */
class StoredDisputeParsingTest {
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-20T10:00:00Z"));
  private Database db;
  private DisputeStore store;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    store = new DisputeStore(db, Json.newMapper());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void readingTheSameStoredJsonAgainGivesTheSameParsedDispute() {
    store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));

    Dispute first = store.find("PP-D-4012").orElseThrow().dispute();
    Dispute again = store.find("PP-D-4012").orElseThrow().dispute();

    assertThat(again).isSameAs(first);
    assertThat(first.status()).isEqualTo(DisputeStatus.WAITING_FOR_SELLER_RESPONSE);
  }

  @EachDatabase
  void changedStoredJsonIsParsedAfresh() {
    store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    Dispute before = store.find("PP-D-4012").orElseThrow().dispute();

    store.upsert(
        Fixtures.dispute(
            Fixtures.WAITING_SELLER,
            json -> {
              json.put("status", "UNDER_REVIEW");
              json.put("update_time", "2026-11-25T00:00:00.000Z");
            }));
    Dispute after = store.find("PP-D-4012").orElseThrow().dispute();

    assertThat(after).isNotSameAs(before);
    assertThat(after.status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
    assertThat(after.updateTime()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(after.rawJson()).isNotEqualTo(before.rawJson());
  }

  @EachDatabase
  void anotherStoreOnTheSameDatabaseSeesTheChangeItsNeighbourWrote() {
    store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    store.find("PP-D-4012").orElseThrow();

    new DisputeStore(db, Json.newMapper())
        .upsert(
            Fixtures.dispute(
                Fixtures.WAITING_SELLER,
                json -> {
                  json.put("status", "RESOLVED");
                  json.put("update_time", "2026-11-26T00:00:00.000Z");
                }));

    assertThat(store.find("PP-D-4012").orElseThrow().dispute().status())
        .isEqualTo(DisputeStatus.RESOLVED);
  }
}
