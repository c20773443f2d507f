package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.disputedesk.json.Json;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A seeded database per test, on SQLite and on PostgreSQL (one test adds a card no other test looks
 * at).
 */
class DisputeQueriesTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
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
        .dispute("PP-D-A")
        .amount("100.00", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(10)))
        .created(NOW.minus(DAY.multipliedBy(2)))
        .seenAt(NOW.minus(DAY.multipliedBy(2)))
        .store();
    seeds
        .dispute("PP-D-B")
        .reason("MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED")
        .amount("20.00", "EUR")
        .sellerDue(NOW.plus(HOUR.multipliedBy(50)))
        .created(NOW.minus(HOUR.multipliedBy(5)))
        .seenAt(NOW.minus(HOUR))
        .store();
    seeds
        .dispute("PP-D-C")
        .reason("UNAUTHORISED")
        .status("WAITING_FOR_BUYER_RESPONSE")
        .amount("5000", "JPY")
        .buyerDue(NOW.plus(HOUR.multipliedBy(30)))
        .created(NOW.minus(DAY.multipliedBy(40)))
        .seenAt(NOW.minus(DAY.multipliedBy(40)))
        .store();
    seeds
        .dispute("PP-D-D")
        .amount("15.00", "USD")
        .sellerDue(NOW.minus(HOUR.multipliedBy(2)))
        .created(NOW.minus(DAY.multipliedBy(10)))
        .seenAt(NOW.minus(DAY.multipliedBy(10)))
        .store();
    seeds
        .dispute("PP-D-E")
        .amount("80.00", "USD")
        .sellerDue(NOW.minus(DAY.multipliedBy(5)))
        .created(NOW.minus(DAY.multipliedBy(20)))
        .seenAt(NOW.minus(DAY.multipliedBy(20)))
        .resolved("RESOLVED_SELLER_FAVOUR", null, NOW.minus(DAY.multipliedBy(2)))
        .store();
    seeds
        .dispute("PP-D-F")
        .amount("60.00", "USD")
        .sellerDue(NOW.minus(DAY.multipliedBy(3)))
        .created(NOW.minus(DAY.multipliedBy(15)))
        .seenAt(NOW.minus(DAY.multipliedBy(15)))
        .resolved("RESOLVED_BUYER_FAVOUR", "55.00", NOW.minus(HOUR.multipliedBy(20)))
        .store();
    AssignmentStore assignments = new AssignmentStore(db);
    assignments.assign("PP-D-A", "U1", "U9");
    assignments.assign("PP-D-D", "U2", "U9");
    DisputeStore store = new DisputeStore(db, Json.newMapper());
    store.markFirstAction("PP-D-A", NOW.minus(DAY.multipliedBy(2)).plus(HOUR.multipliedBy(3)));
    store.markFirstAction("PP-D-D", NOW.minus(DAY.multipliedBy(10)).plus(HOUR));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void openListShowsOpenDisputesSoonestDeadlineFirst() {
    assertThat(ids(queries.list(ListFilter.of(DisputeView.OPEN), NOW, 0, 10)))
        .containsExactly("PP-D-D", "PP-D-A", "PP-D-B", "PP-D-C");
    assertThat(queries.count(ListFilter.of(DisputeView.OPEN), NOW)).isEqualTo(4);
  }

  @EachDatabase
  void dueListHasOverdueAndThoseWithinTheWindowWaitingForUs() {
    assertThat(ids(queries.list(ListFilter.due(Duration.ofHours(24)), NOW, 0, 10)))
        .containsExactly("PP-D-D", "PP-D-A");
    assertThat(ids(queries.list(ListFilter.due(Duration.ofHours(72)), NOW, 0, 10)))
        .containsExactly("PP-D-D", "PP-D-A", "PP-D-B");
  }

  @EachDatabase
  void mineUnassignedWaitingBuyerAndResolvedViews() {
    assertThat(ids(queries.list(ListFilter.mine("U1"), NOW, 0, 10))).containsExactly("PP-D-A");
    assertThat(ids(queries.list(ListFilter.of(DisputeView.UNASSIGNED), NOW, 0, 10)))
        .containsExactly("PP-D-B", "PP-D-C");
    assertThat(ids(queries.list(ListFilter.of(DisputeView.WAITING_BUYER), NOW, 0, 10)))
        .containsExactly("PP-D-C");
    assertThat(ids(queries.list(ListFilter.of(DisputeView.RESOLVED), NOW, 0, 10)))
        .containsExactly("PP-D-F", "PP-D-E");
  }

  @EachDatabase
  void lineCarriesOwnerAmountAndCard() {
    new io.disputedesk.slack.CardStore(db).save("PP-D-A", "C1", "1732700000.000100", NOW);

    DisputeLine a = queries.line("PP-D-A").orElseThrow();

    assertThat(a.ownerUserId()).isEqualTo("U1");
    assertThat(a.amount()).isEqualTo(Money.ofMinor(10000L, "USD"));
    assertThat(a.amount().currencyCode()).isEqualTo("USD");
    assertThat(a.cardChannel()).isEqualTo("C1");
    assertThat(a.cardTs()).isEqualTo("1732700000.000100");
    assertThat(queries.line("PP-D-NOPE")).isEmpty();
  }

  @EachDatabase
  void reasonAndMinimumAmountNarrowTheList() {
    ListFilter snad =
        new ListFilter(
            DisputeView.OPEN, "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED", null, null, null);
    assertThat(ids(queries.list(snad, NOW, 0, 10))).containsExactly("PP-D-B");
  }

  @EachDatabase
  void minimumAmountWithoutCurrencyComparesInEachCurrencysMinorUnits() {
    ListFilter atLeast50 =
        new ListFilter(
            DisputeView.OPEN, null, new MinAmount(new BigDecimal("50"), null), null, null);
    // 100.00 USD and 5000 JPY pass; 20.00 EUR and 15.00 USD do not.
    assertThat(ids(queries.list(atLeast50, NOW, 0, 10))).containsExactly("PP-D-A", "PP-D-C");

    ListFilter atLeast15Eur =
        new ListFilter(
            DisputeView.OPEN, null, new MinAmount(new BigDecimal("15"), "EUR"), null, null);
    assertThat(ids(queries.list(atLeast15Eur, NOW, 0, 10))).containsExactly("PP-D-B");
  }

  @EachDatabase
  void pagesFollowEachOther() {
    ListFilter open = ListFilter.of(DisputeView.OPEN);
    assertThat(ids(queries.list(open, NOW, 0, 3))).containsExactly("PP-D-D", "PP-D-A", "PP-D-B");
    assertThat(ids(queries.list(open, NOW, 3, 3))).containsExactly("PP-D-C");
  }

  @EachDatabase
  void statsCountOutcomesAtRiskMedianAndMissedDeadlines() {
    DisputeStats s = queries.stats(NOW.minus(DAY.multipliedBy(30)), NOW, NOW);

    assertThat(s.opened()).isEqualTo(5); // C was created 40 days ago
    assertThat(s.resolved()).isEqualTo(2);
    assertThat(s.won()).isEqualTo(1);
    assertThat(s.lost()).isEqualTo(1);
    assertThat(s.winRate().getAsDouble()).isEqualTo(0.5);
    assertThat(s.outcomes())
        .containsExactly(new DisputeStats.OutcomeTotal("USD", 1, 8000, 1, 5500, 0));
    assertThat(s.atRisk())
        .containsExactly(
            new CurrencyTotal("EUR", 1, 2000),
            new CurrencyTotal("JPY", 1, 5000),
            new CurrencyTotal("USD", 2, 11500));
    assertThat(s.openNow()).isEqualTo(4);
    // A waited 3 h, D waited 1 h (C, first seen 40 days ago, is outside the period).
    assertThat(s.medianTimeToFirstAction()).isEqualTo(Duration.ofHours(2));
    assertThat(s.firstActionSamples()).isEqualTo(2);
    assertThat(s.deadlinesMissed()).isEqualTo(1); // F: lost after its deadline with no action
    assertThat(s.overdueNow()).isEqualTo(1); // D
  }

  @EachDatabase
  void statsOfAQuietPeriodHaveNoRateAndNoMedian() {
    DisputeStats s =
        queries.stats(NOW.minus(DAY.multipliedBy(400)), NOW.minus(DAY.multipliedBy(300)), NOW);

    assertThat(s.opened()).isZero();
    assertThat(s.winRate()).isEmpty();
    assertThat(s.medianTimeToFirstAction()).isNull();
    assertThat(s.atRisk()).hasSize(3);
  }

  @EachDatabase
  void digestSectionsCoverThePeriod() {
    DigestData d = queries.digest(NOW.minus(DAY), NOW, Duration.ofHours(48), 10);

    assertThat(ids(d.newSince().lines())).containsExactly("PP-D-B");
    assertThat(ids(d.dueSoon().lines())).containsExactly("PP-D-A");
    assertThat(ids(d.unassigned().lines())).containsExactly("PP-D-B", "PP-D-C");
    assertThat(ids(d.resolved().lines())).containsExactly("PP-D-F");
    assertThat(d.resolved().lines().get(0).resolution())
        .isEqualTo(Resolution.of(OutcomeCode.RESOLVED_BUYER_FAVOUR));
    assertThat(d.resolved().lines().get(0).codes().outcome()).isEqualTo("RESOLVED_BUYER_FAVOUR");
    assertThat(d.overdueNow()).isEqualTo(1);
    assertThat(d.openNow()).isEqualTo(4);
  }

  @EachDatabase
  void digestSectionsCountBeyondTheirLines() {
    DigestData d = queries.digest(NOW.minus(DAY), NOW, Duration.ofHours(48), 1);

    assertThat(d.unassigned().lines()).hasSize(1);
    assertThat(d.unassigned().total()).isEqualTo(2);
    assertThat(d.unassigned().more()).isEqualTo(1);
  }

  @EachDatabase
  void exportStreamsDisputesCreatedInThePeriodOldestFirst() {
    List<DisputeLine> rows = new ArrayList<>();
    queries.export(NOW.minus(DAY.multipliedBy(30)), rows::add);
    assertThat(ids(rows)).containsExactly("PP-D-E", "PP-D-F", "PP-D-D", "PP-D-A", "PP-D-B");

    rows.clear();
    queries.export(null, rows::add);
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0).disputeId()).isEqualTo("PP-D-C");
  }

  @EachDatabase
  void waitingForSellerReturnsTheDeadlineRangeOnly() {
    assertThat(ids(queries.waitingForSeller(NOW, NOW.plus(Duration.ofHours(72)))))
        .containsExactly("PP-D-A", "PP-D-B");
    assertThat(ids(queries.waitingForSeller(NOW.minus(DAY), NOW))).containsExactly("PP-D-D");
  }

  @EachDatabase
  void statsAndDigestStatementsReadIndexesNotTheTable(TestDatabase database) {
    assumeFalse(database.isPostgres(), "the plans are SQLite's EXPLAIN QUERY PLAN");
    Map<String, String> plans = queries.explainStatsAndDigest(NOW.minus(DAY.multipliedBy(90)), NOW);

    assertThat(plans).isNotEmpty();
    plans.forEach(
        (name, plan) -> assertThat(plan).as(name).doesNotContainPattern("SCAN (d|disputes)(;|$)"));
    assertThat(plans.get("stats.outcomes")).contains("COVERING INDEX disputes_resolved_stats");
    assertThat(plans.get("at_risk")).contains("COVERING INDEX disputes_status_amount");
  }

  private static List<String> ids(List<DisputeLine> lines) {
    return lines.stream().map(DisputeLine::disputeId).toList();
  }
}
