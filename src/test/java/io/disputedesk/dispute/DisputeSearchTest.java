package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link DisputeQueries#search}: a seeded database per test, on SQLite and on PostgreSQL. */
class DisputeSearchTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private final ShiftableClock clock = new ShiftableClock(NOW);
  private Database db;
  private DisputeQueries queries;

  @BeforeEach
  void seed(TestDatabase database) {
    db = database.open(clock);
    queries = new DisputeQueries(db);
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    seeds
        .dispute("PP-D-4012")
        .buyer("Jordan Lee", "3BC38643YC807283D", "5TU94784L2154312A")
        .created(NOW.minus(DAY.multipliedBy(3)))
        .store();
    seeds
        .dispute("PP-D-4013")
        .buyer("Mary Jordan-Smith", "7XY11111AA000001B", "9ZZ22222BB000002C")
        .created(NOW.minus(DAY))
        .store();
    seeds
        .dispute("PP-D-4014")
        .buyer("Ann 100% Cotton_Shop", "1AB00000CC000003D", null)
        .created(NOW.minus(DAY.multipliedBy(2)))
        .resolved("RESOLVED_SELLER_FAVOUR", null, NOW.minus(DAY))
        .store();
    seeds
        .dispute("PP-D-4015")
        .buyer("Anna 1000 CottonXShop", "1AB00000CC000004D", null)
        .created(NOW.minus(DAY.multipliedBy(5)))
        .store();
    seeds.dispute("PP-D-4016").buyer(null, null, null).created(NOW).store();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void findsByBuyerNameCaseInsensitivelyAsASubstringNewestFirst() {
    assertThat(found("jordan")).containsExactly("PP-D-4013", "PP-D-4012");
    assertThat(found("JORDAN LEE")).containsExactly("PP-D-4012");
    assertThat(found("rdan-sm")).containsExactly("PP-D-4013");
    assertThat(queries.searchCount("Jordan")).isEqualTo(2);
  }

  @EachDatabase
  void findsByDisputeIdAndEitherTransactionId() {
    assertThat(found("pp-d-4014")).containsExactly("PP-D-4014");
    assertThat(found("d-401")).hasSize(5);
    assertThat(found("3bc38643")).containsExactly("PP-D-4012");
    assertThat(found("L2154312A")).containsExactly("PP-D-4012");
    assertThat(found("9zz22222bb")).containsExactly("PP-D-4013");
  }

  @EachDatabase
  void wildcardsInTheTextAreLiteral() {
    assertThat(found("100%")).containsExactly("PP-D-4014");
    assertThat(found("n_s")).containsExactly("PP-D-4014");
    assertThat(found("%")).containsExactly("PP-D-4014");
    assertThat(found("_")).containsExactly("PP-D-4014");
    assertThat(found("!")).isEmpty();
    assertThat(found("cotton!_")).isEmpty();
    assertThat(queries.searchCount("%")).isEqualTo(1);
  }

  @EachDatabase
  void textNoDisputeHoldsFindsNothing() {
    assertThat(found("nobody-here")).isEmpty();
    assertThat(queries.searchCount("nobody-here")).isZero();
  }

  @EachDatabase
  void pagesWithOffsetAndLimit() {
    assertThat(ids(queries.search("pp-d", 0, 2))).containsExactly("PP-D-4016", "PP-D-4013");
    assertThat(ids(queries.search("pp-d", 2, 2))).containsExactly("PP-D-4014", "PP-D-4012");
    assertThat(ids(queries.search("pp-d", 4, 2))).containsExactly("PP-D-4015");
  }

  private List<String> found(String text) {
    return ids(queries.search(text, 0, 10));
  }

  private static List<String> ids(List<DisputeLine> lines) {
    return lines.stream().map(DisputeLine::disputeId).toList();
  }
}
