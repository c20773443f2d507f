package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.json.Json;
import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link SearchTextBackfill}: disputes stored before the search text existed get the text a write
 * would have given them, once, also when two replicas fill at the same time; on SQLite and on
 * PostgreSQL.
 */
class SearchTextBackfillTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private final ShiftableClock clock = new ShiftableClock(NOW);
  private Database db;
  private DisputeQueries queries;
  private DisputeSeeds seeds;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    queries = new DisputeQueries(db);
    seeds = new DisputeSeeds(db, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void disputesStoredBeforeTheSearchTextGetTheTextAWriteGivesThemOnce() {
    seeds.dispute("PP-D-5001").buyer("MÜLLER GmbH", "3BC38643YC807283D", null).store();
    seeds.dispute("PP-D-5002").buyer("Jordan Lee", null, null).invoices("SHOP-88121").store();
    seeds.dispute("PP-D-5003").buyer(null, null, null).invoices(null, null).store();
    Map<String, String> written = searchTexts();
    unfill();

    // Until filled, matched as before the search text: ASCII case only, no invoice numbers.
    assertThat(found("JORDAN")).containsExactly("PP-D-5002");
    assertThat(found("3bc38643")).containsExactly("PP-D-5001");
    assertThat(found("shop-88121")).isEmpty();

    assertThat(backfill(db).run()).isEqualTo(3);

    assertThat(searchTexts()).isEqualTo(written);
    assertThat(found("müller")).containsExactly("PP-D-5001");
    assertThat(found("shop-88121")).containsExactly("PP-D-5002");
    assertThat(backfill(db).run()).isZero();
  }

  @EachDatabase
  void twoReplicasFillingTogetherFillEveryRowOnce(TestDatabase database) throws Exception {
    int disputes = SearchTextBackfill.BATCH + 50;
    for (int i = 0; i < disputes; i++) {
      seeds
          .dispute(String.format("PP-D-7%03d", i))
          .buyer("Zoë " + i, null, null)
          .created(NOW.minus(DAY).plusSeconds(i))
          .store();
    }
    Map<String, String> written = searchTexts();
    unfill();

    try (Database other = database.open(clock)) {
      List<Integer> filled = Concurrently.run(2, i -> () -> backfill(i == 0 ? db : other).run());

      assertThat(filled.stream().mapToInt(Integer::intValue).sum()).isEqualTo(disputes);
    }
    assertThat(searchTexts()).isEqualTo(written);
    assertThat(queries.searchCount("zoe")).isEqualTo(disputes);
  }

  @EachDatabase
  void aDisputeWhoseJsonCannotBeReadIsFilledFromItsRow() {
    seeds.dispute("PP-D-6001").buyer("ZOË Ďurić", null, null).invoices("SHOP-1").store();
    seeds.dispute("PP-D-6002").buyer("Ann Other", null, null).store();
    unfill();
    db.update("UPDATE disputes SET raw_json = '{' WHERE dispute_id = 'PP-D-6001'", ps -> {});

    assertThat(backfill(db).run()).isEqualTo(2);

    assertThat(found("zoë")).containsExactly("PP-D-6001");
    assertThat(found("shop-1")).isEmpty();
    assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM disputes WHERE search_text IS NULL"))
        .isZero();
  }

  private SearchTextBackfill backfill(Database on) {
    return new SearchTextBackfill(on, Json.newMapper());
  }

  /** As the rows of a release before the search text, or of an older replica, are. */
  private void unfill() {
    db.update("UPDATE disputes SET search_text = NULL", ps -> {});
  }

  private Map<String, String> searchTexts() {
    Map<String, String> texts = new TreeMap<>();
    db.list(
            "SELECT dispute_id, search_text FROM disputes",
            ps -> {},
            rs -> new String[] {rs.getString(1), rs.getString(2)})
        .forEach(row -> texts.put(row[0], row[1]));
    return texts;
  }

  private List<String> found(String text) {
    return queries.search(text, 0, 500).stream().map(DisputeLine::disputeId).toList();
  }
}
