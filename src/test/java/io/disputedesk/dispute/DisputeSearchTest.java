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
  private DisputeSeeds seeds;

  @BeforeEach
  void seed(TestDatabase database) {
    db = database.open(clock);
    queries = new DisputeQueries(db);
    seeds = new DisputeSeeds(db, clock);
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

  @EachDatabase
  void findsNamesInAnyScriptWhateverTheirCaseAndAccents() {
    older("PP-E-1001", "MÜLLER GmbH");
    older("PP-E-1002", "ZOË Ďurić");
    older("PP-E-1003", "Straße Ølberg");
    older("PP-E-1004", "ΟΔΥΣΣΕΑΣ Παπαδόπουλος");
    older("PP-E-1005", "ＫＡＴＯ 加藤");
    older("PP-E-1006", "Иван ПЕТРОВ");

    assertThat(found("müller")).containsExactly("PP-E-1001");
    assertThat(found("Müller gmbh")).containsExactly("PP-E-1001");
    assertThat(found("zoë")).containsExactly("PP-E-1002");
    assertThat(found("ďurić")).containsExactly("PP-E-1002");
    assertThat(found("straße")).containsExactly("PP-E-1003");
    assertThat(found("øLBERG")).containsExactly("PP-E-1003");
    assertThat(found("οδυσσεας")).containsExactly("PP-E-1004");
    assertThat(found("παπαδόπουλος")).containsExactly("PP-E-1004");
    assertThat(found("kato 加藤")).containsExactly("PP-E-1005");
    assertThat(found("петров")).containsExactly("PP-E-1006");
    assertThat(queries.searchCount("müller")).isEqualTo(1);
  }

  @EachDatabase
  void accentsAndSpellingsOfOneLetterAreFoldedTogether() {
    older("PP-E-1001", "MÜLLER GmbH");
    older("PP-E-1002", "ZOË Ďurić");
    older("PP-E-1003", "Straße Ølberg");
    older("PP-E-1004", "ΟΔΥΣΣΕΑΣ Παπαδόπουλος");

    assertThat(found("muller")).containsExactly("PP-E-1001");
    assertThat(found("zoe duric")).containsExactly("PP-E-1002");
    assertThat(found("strasse olberg")).containsExactly("PP-E-1003");
    // A word's end, where lower-casing writes a final sigma, is found inside the word too.
    assertThat(found("ΟΔΥΣ")).containsExactly("PP-E-1004");
    assertThat(found("παπαδοπουλος")).containsExactly("PP-E-1004");
  }

  @EachDatabase
  void findsByTheInvoiceNumberOfAnyDisputedTransaction() {
    seeds.dispute("PP-E-2001").invoices("SHOP-88121").created(NOW.minus(DAY)).store();
    seeds.dispute("PP-E-2002").invoices(null, "Ord_5533/b").created(NOW.minus(DAY)).store();

    assertThat(found("shop-88121")).containsExactly("PP-E-2001");
    assertThat(found("88121")).containsExactly("PP-E-2001");
    assertThat(found("ORD_5533/B")).containsExactly("PP-E-2002");
    assertThat(queries.searchCount("shop-88")).isEqualTo(1);
  }

  @EachDatabase
  void aMatchNeverRunsFromOneFieldIntoTheNext() {
    seeds.dispute("PP-E-3001").buyer("Lee", "7AB", null).invoices("Q42").store();

    assertThat(found("3001lee")).isEmpty();
    assertThat(found("3001 lee")).isEmpty();
    assertThat(found("lee7ab")).isEmpty();
    assertThat(found("7abq42")).isEmpty();
    assertThat(found("pp-e-3001")).containsExactly("PP-E-3001");
  }

  @EachDatabase
  void aDisputeStoredAgainIsFoundByItsNewNameNotItsOld() {
    seeds.dispute("PP-E-4001").buyer("Olde Name", null, null).updated(NOW.minus(DAY)).store();
    seeds.dispute("PP-E-4001").buyer("Nöra Newname", null, null).updated(NOW).store();

    assertThat(found("olde name")).isEmpty();
    assertThat(found("nora newname")).containsExactly("PP-E-4001");
  }

  @EachDatabase
  void textOfOnlyAccentsFindsNothing() {
    assertThat(found("\u0301\u0301\u0301")).isEmpty();
    assertThat(queries.searchCount("\u0301\u0301\u0301")).isZero();
  }

  private void older(String id, String buyer) {
    seeds.dispute(id).buyer(buyer, null, null).created(NOW.minus(DAY.multipliedBy(10))).store();
  }

  private List<String> found(String text) {
    return ids(queries.search(text, 0, 10));
  }

  private static List<String> ids(List<DisputeLine> lines) {
    return lines.stream().map(DisputeLine::disputeId).toList();
  }
}
