package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeState;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class DisputeStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  private final ShiftableClock clock = new ShiftableClock(START);
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
  void firstUpsertStoresANewDisputeWithItsDerivedColumns() {
    Dispute d = Fixtures.dispute(Fixtures.WAITING_SELLER);

    UpsertResult result = store.upsert(d);

    assertThat(result.stored()).isTrue();
    assertThat(result.isNew()).isTrue();
    assertThat(store.count()).isEqualTo(1);
    Map<String, Object> row = row("PP-D-4012");
    assertThat(row)
        .containsEntry("status", "WAITING_FOR_SELLER_RESPONSE")
        .containsEntry("dispute_state", "REQUIRED_ACTION")
        .containsEntry("reason", "UNAUTHORISED")
        .containsEntry("stage", "CHARGEBACK")
        .containsEntry("channel", "INTERNAL")
        .containsEntry("amount_value", "192.00")
        .containsEntry("amount_minor", 19200L)
        .containsEntry("currency", "USD")
        .containsEntry("needs_seller", 1L)
        .containsEntry("seller_txn_id", "3BC38643YC807283D")
        .containsEntry("buyer_txn_id", "5TU94784L2154312A")
        .containsEntry("buyer_name", "Lupe Justin")
        .containsEntry("update_time", Instant.parse("2026-11-16T04:19:08Z").toEpochMilli())
        .containsEntry("seller_due", Instant.parse("2026-11-30T06:59:59Z").toEpochMilli())
        .containsEntry("first_seen_at", START.toEpochMilli())
        .containsEntry("stored_at", START.toEpochMilli())
        .containsEntry("raw_json", d.rawJson());
    assertThat(row.get("resolved_at")).isNull();
    assertThat(row.get("outcome_code")).isNull();
  }

  @EachDatabase
  void upsertingTheSameDisputeTwiceKeepsOneRowUpdatesFieldsAndReturnsThePrevious() {
    Dispute first = Fixtures.dispute(Fixtures.WAITING_SELLER);
    store.upsert(first);
    clock.advance(Duration.ofHours(1));
    Dispute second =
        Fixtures.dispute(
            Fixtures.WAITING_SELLER,
            json -> {
              json.put("update_time", "2026-11-17T08:00:00.000Z");
              json.put("status", "UNDER_REVIEW");
              json.put("dispute_state", "UNDER_PAYPAL_REVIEW");
            });

    UpsertResult result = store.upsert(second);

    assertThat(result.stored()).isTrue();
    assertThat(result.isNew()).isFalse();
    assertThat(result.previous())
        .get()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo(DisputeStatus.WAITING_FOR_SELLER_RESPONSE);
              assertThat(p.rawJson()).isEqualTo(first.rawJson());
            });
    assertThat(store.count()).isEqualTo(1);
    Map<String, Object> row = row("PP-D-4012");
    assertThat(row)
        .containsEntry("status", "UNDER_REVIEW")
        .containsEntry("needs_seller", 0L)
        .containsEntry("first_seen_at", START.toEpochMilli())
        .containsEntry("stored_at", START.plus(Duration.ofHours(1)).toEpochMilli());
    assertThat(store.find("PP-D-4012"))
        .get()
        .satisfies(
            s ->
                assertThat(s.dispute().disputeState()).isEqualTo(DisputeState.UNDER_PAYPAL_REVIEW));
  }

  @EachDatabase
  void anOlderUpdateTimeNeverOverwritesANewerOne() {
    Dispute newer =
        Fixtures.dispute(
            Fixtures.WAITING_SELLER,
            json -> {
              json.put("update_time", "2026-11-18T00:00:00.000Z");
              json.put("status", "UNDER_REVIEW");
            });
    Dispute older = Fixtures.dispute(Fixtures.WAITING_SELLER);
    store.upsert(newer);

    UpsertResult result = store.upsert(older);

    assertThat(result.stored()).isFalse();
    assertThat(result.previous())
        .get()
        .extracting(Dispute::status)
        .isEqualTo(DisputeStatus.UNDER_REVIEW);
    assertThat(store.find("PP-D-4012"))
        .get()
        .satisfies(s -> assertThat(s.dispute().status()).isEqualTo(DisputeStatus.UNDER_REVIEW));
    assertThat(store.updateTimes(List.of("PP-D-4012")))
        .containsEntry("PP-D-4012", Instant.parse("2026-11-18T00:00:00Z"));
  }

  @EachDatabase
  void aDisputeWithoutUpdateTimeDoesNotReplaceOneWithIt() {
    store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));

    UpsertResult result =
        store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER, json -> json.remove("update_time")));

    assertThat(result.stored()).isFalse();
  }

  @EachDatabase
  void theSameUpdateTimeIsStoredSoADetailsReadCanReplaceASummary() {
    store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER, json -> json.remove("evidences")));

    UpsertResult result = store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));

    assertThat(result.stored()).isTrue();
    assertThat(store.find("PP-D-4012").orElseThrow().dispute().evidences()).hasSize(2);
  }

  @EachDatabase
  void amountsAreStoredInMinorUnitsPerCurrency() {
    store.upsert(
        Fixtures.dispute(
            Fixtures.WAITING_SELLER,
            json -> {
              json.put("dispute_id", "USD-1");
              json.withObject("dispute_amount").put("value", "12.3");
            }));
    store.upsert(
        Fixtures.dispute(
            Fixtures.WAITING_SELLER,
            json -> {
              json.put("dispute_id", "JPY-1");
              json.withObject("dispute_amount").put("currency_code", "JPY").put("value", "5000");
            }));

    assertThat(row("USD-1"))
        .containsEntry("amount_minor", 1230L)
        .containsEntry("amount_value", "12.3");
    assertThat(row("JPY-1")).containsEntry("amount_minor", 5000L).containsEntry("currency", "JPY");
  }

  @EachDatabase
  void outcomeAndRefundComeFromTheDisputeOutcome() {
    store.upsert(Fixtures.dispute(Fixtures.RESOLVED_BUYER));

    assertThat(row("PP-D-61890"))
        .containsEntry("outcome_code", "RESOLVED_BUYER_FAVOUR")
        .containsEntry("refunded_minor", 9600L)
        .containsEntry("needs_seller", 0L);
  }

  @EachDatabase
  void resolvedAtIsSetTheFirstTimeTheDisputeIsResolvedAndThenKept() {
    store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    assertThat(store.find("PP-D-4012").orElseThrow().resolvedAt()).isNull();

    store.upsert(
        Fixtures.dispute(
            Fixtures.WAITING_SELLER,
            json -> {
              json.put("status", "RESOLVED");
              json.put("update_time", "2026-11-19T00:00:00.000Z");
            }));
    store.upsert(
        Fixtures.dispute(
            Fixtures.WAITING_SELLER,
            json -> {
              json.put("status", "RESOLVED");
              json.put("update_time", "2026-11-25T00:00:00.000Z");
            }));

    StoredDispute stored = store.find("PP-D-4012").orElseThrow();
    assertThat(stored.resolvedAt()).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
    assertThat(stored.dispute().updateTime()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
  }

  @EachDatabase
  void aDisputeWithoutRawJsonIsStoredAsTheMappersJson() {
    Dispute parsed = Fixtures.dispute(Fixtures.INQUIRY_OPEN);
    Dispute bare = parsed.withRawJson(null);

    store.upsert(bare);

    Dispute found = store.find(parsed.disputeId()).orElseThrow().dispute();
    assertThat(found.rawJson())
        .isNotNull()
        .contains("\"dispute_id\":\"" + parsed.disputeId() + "\"");
    assertThat(found.withRawJson(null)).isEqualTo(bare);
  }

  @EachDatabase
  void findReportsOwnerFirstSeenAndFirstAction() {
    store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    new AssignmentStore(db).assign("PP-D-4012", "U-OWNER", "U-LEAD");
    Instant firstAction = START.plus(Duration.ofMinutes(5));

    assertThat(store.markFirstAction("PP-D-4012", firstAction)).isTrue();
    assertThat(store.markFirstAction("PP-D-4012", firstAction.plusSeconds(60))).isFalse();

    StoredDispute s = store.find("PP-D-4012").orElseThrow();
    assertThat(s.ownerUserId()).isEqualTo("U-OWNER");
    assertThat(s.firstSeenAt()).isEqualTo(START);
    assertThat(s.firstActionAt()).isEqualTo(firstAction);
    assertThat(store.find("nope")).isEmpty();
  }

  @EachDatabase
  void updateTimesAnswersForKnownIdsAcrossManyBatches() {
    store.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    store.upsert(Fixtures.dispute(Fixtures.RESOLVED_BUYER));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      ids.add("UNKNOWN-" + i);
    }
    ids.add(700, "PP-D-61890");
    ids.add("PP-D-4012");
    ids.add("PP-D-4012");

    Map<String, Instant> times = store.updateTimes(ids);

    assertThat(times)
        .containsOnly(
            Map.entry("PP-D-4012", Instant.parse("2026-11-16T04:19:08Z")),
            Map.entry("PP-D-61890", Instant.parse("2026-10-21T04:19:08Z")));
    assertThat(store.updateTimes(List.of())).isEmpty();
  }

  @EachDatabase
  void concurrentUpsertsOfOneDisputeKeepTheNewestAndReportItNewOnce() throws Exception {
    List<Dispute> versions = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String updated = Instant.parse("2026-11-16T00:00:00Z").plusSeconds(60L * i).toString();
      versions.add(
          Fixtures.dispute(Fixtures.WAITING_SELLER, json -> json.put("update_time", updated)));
    }

    List<UpsertResult> results = Concurrently.run(16, i -> () -> store.upsert(versions.get(i)));

    assertThat(results).filteredOn(UpsertResult::isNew).hasSize(1);
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.find("PP-D-4012").orElseThrow().dispute().updateTime())
        .isEqualTo(Instant.parse("2026-11-16T00:15:00Z"));
    // Each stored write saw the one before it: the previous versions are all different.
    assertThat(results)
        .filteredOn(r -> r.stored() && !r.isNew())
        .extracting(r -> r.previous().orElseThrow().updateTime())
        .doesNotHaveDuplicates();
  }

  private Map<String, Object> row(String id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM disputes WHERE dispute_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              assertThat(rs.next()).isTrue();
              Map<String, Object> row = new java.util.HashMap<>();
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object v = rs.getObject(i);
                row.put(
                    rs.getMetaData().getColumnName(i),
                    v instanceof Integer n ? Long.valueOf(n) : v);
              }
              return row;
            }
          }
        });
  }
}
