package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.json.Json;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The report's figures against a set computed by hand: disputes in four currencies over three
 * Berlin weeks (one created 00:30 Berlin on the first Monday, one 23:30 the Sunday before), first
 * actions before and after their deadlines, a deadline PayPal later dropped, and an empty period.
 */
class ReportQueriesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  /** Monday 2 November 2026, 00:00 in Berlin (UTC+1). */
  private static final Instant FROM = Instant.parse("2026-11-01T23:00:00Z");

  private static final Duration HOUR = Duration.ofHours(1);

  private final ShiftableClock clock = new ShiftableClock(NOW);
  private Database db;
  private DisputeQueries queries;

  @BeforeEach
  void seed(TestDatabase database) {
    db = database.open(clock);
    queries = new DisputeQueries(db);
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    DisputeStore store = new DisputeStore(db, Json.newMapper());
    // Week of 2 Nov.
    seeds
        .dispute("A")
        .amount("100.00", "USD")
        .created(t("2026-11-02T08:00:00Z"))
        .sellerDue(t("2026-11-05T00:00:00Z"))
        .resolved("RESOLVED_SELLER_FAVOUR", null, t("2026-11-10T10:00:00Z"))
        .store();
    store.markFirstAction("A", t("2026-11-02T10:00:00Z"));
    seeds
        .dispute("B")
        .reason("MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED")
        .amount("50.00", "EUR")
        .created(t("2026-11-03T09:00:00Z"))
        .sellerDue(t("2026-11-03T12:00:00Z"))
        .resolved("RESOLVED_BUYER_FAVOUR", "30.00", t("2026-11-06T00:00:00Z"))
        .store();
    store.markFirstAction("B", t("2026-11-03T19:00:00Z"));
    seeds
        .dispute("C")
        .reason("UNAUTHORISED")
        .amount("5000", "JPY")
        .created(t("2026-11-01T23:30:00Z"))
        .sellerDue(t("2026-11-07T10:00:00Z"))
        .store();
    seeds
        .dispute("D")
        .amount("999.00", "USD")
        .created(t("2026-11-01T22:30:00Z"))
        .sellerDue(t("2026-10-30T00:00:00Z"))
        .resolved("ACCEPTED", null, t("2026-11-04T00:00:00Z"))
        .store();
    // Week of 9 Nov.
    seeds
        .dispute("E")
        .amount("20.00", "USD")
        .created(t("2026-11-09T10:00:00Z"))
        .sellerDue(t("2026-11-12T00:00:00Z"))
        .resolved("CANCELED_BY_BUYER", null, t("2026-11-13T00:00:00Z"))
        .store();
    store.markFirstAction("E", t("2026-11-09T14:00:00Z"));
    seeds
        .dispute("F")
        .amount("75.00", "GBP")
        .created(t("2026-11-10T10:00:00Z"))
        .sellerDue(t("2026-11-25T00:00:00Z"))
        .store();
    store.markFirstAction("F", t("2026-11-10T16:00:00Z"));
    // Week of 16 Nov: the deadline is dropped by PayPal once it resolves, and still counts.
    seeds
        .dispute("G")
        .reason("OTHER")
        .amount("10.00", "EUR")
        .created(t("2026-11-16T10:00:00Z"))
        .sellerDue(t("2026-11-17T00:00:00Z"))
        .updated(t("2026-11-16T10:00:00Z"))
        .store();
    seeds
        .dispute("G")
        .reason("OTHER")
        .amount("10.00", "EUR")
        .created(t("2026-11-16T10:00:00Z"))
        .withoutSellerDue()
        .resolved("RESOLVED_WITH_PAYOUT", null, t("2026-11-18T00:00:00Z"))
        .store();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void weeksMatchTheHandComputedFigures() {
    ReportData r = queries.report(FROM, NOW, BERLIN);

    assertThat(r.weeks())
        .extracting(ReportData.Week::start)
        .containsExactly(
            LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16));
    ReportData.Week w1 = r.weeks().get(0);
    assertThat(w1.from()).isEqualTo(FROM);
    assertThat(w1.openedByReason())
        .isEqualTo(
            Map.of(
                "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
                1L,
                "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED",
                1L,
                "UNAUTHORISED",
                1L));
    assertThat(w1.resolved(OutcomeDetail.LOST)).isEqualTo(1);
    assertThat(w1.resolved(OutcomeDetail.ACCEPTED)).isEqualTo(1);
    assertThat(w1.resolved()).isEqualTo(2);
    assertThat(w1.amounts())
        .isEqualTo(
            Map.of(
                "USD", new ReportData.Amounts(10_000, 0, 99_900),
                "EUR", new ReportData.Amounts(5_000, 0, 3_000),
                "JPY", new ReportData.Amounts(5_000, 0, 0)));
    assertThat(w1.firstActionWaits()).containsExactly(HOUR.multipliedBy(2), HOUR.multipliedBy(10));
    assertThat(w1.medianFirstAction()).isEqualTo(HOUR.multipliedBy(6));
    assertThat(w1.deadlinesDue()).isEqualTo(3);
    assertThat(w1.deadlinesMet()).isEqualTo(1);

    ReportData.Week w2 = r.weeks().get(1);
    assertThat(w2.opened()).isEqualTo(2);
    assertThat(w2.resolved(OutcomeDetail.WON)).isEqualTo(1);
    assertThat(w2.resolved(OutcomeDetail.CANCELLED)).isEqualTo(1);
    assertThat(w2.amounts())
        .isEqualTo(
            Map.of(
                "USD", new ReportData.Amounts(2_000, 12_000, 0),
                "GBP", new ReportData.Amounts(7_500, 0, 0)));
    assertThat(w2.medianFirstAction()).isEqualTo(HOUR.multipliedBy(5));
    assertThat(w2.deadlinesDue()).isEqualTo(1);
    assertThat(w2.deadlinesMet()).isEqualTo(1);

    ReportData.Week w3 = r.weeks().get(2);
    assertThat(w3.to()).isEqualTo(NOW);
    assertThat(w3.openedByReason()).isEqualTo(Map.of("OTHER", 1L));
    assertThat(w3.resolved(OutcomeDetail.OTHER)).isEqualTo(1);
    assertThat(w3.amounts()).isEqualTo(Map.of("EUR", new ReportData.Amounts(1_000, 0, 0)));
    assertThat(w3.medianFirstAction()).isNull();
    assertThat(w3.deadlinesDue()).as("G's deadline, kept after PayPal dropped it").isEqualTo(1);
    assertThat(w3.deadlinesMet()).isZero();
  }

  @EachDatabase
  void periodTotalsMatchTheHandComputedFiguresAndTheStats() {
    ReportData r = queries.report(FROM, NOW, BERLIN);

    assertThat(r.opened()).isEqualTo(6);
    assertThat(r.resolved()).isEqualTo(5);
    assertThat(r.winRate()).hasValue(0.5);
    assertThat(r.medianFirstAction())
        .as("median of 2, 4, 6 and 10 hours")
        .isEqualTo(HOUR.multipliedBy(5));
    assertThat(r.firstActionSamples()).isEqualTo(4);
    assertThat(r.deadlinesDue()).isEqualTo(5);
    assertThat(r.deadlinesMet()).isEqualTo(2);
    assertThat(r.currencies())
        .containsExactly(
            new ReportData.CurrencyAmounts("EUR", new ReportData.Amounts(6_000, 0, 3_000)),
            new ReportData.CurrencyAmounts("GBP", new ReportData.Amounts(7_500, 0, 0)),
            new ReportData.CurrencyAmounts("JPY", new ReportData.Amounts(5_000, 0, 0)),
            new ReportData.CurrencyAmounts("USD", new ReportData.Amounts(12_000, 12_000, 99_900)));
    assertThat(r.reasons())
        .containsExactly(
            new ReportData.ReasonCount("MERCHANDISE_OR_SERVICE_NOT_RECEIVED", 3),
            new ReportData.ReasonCount("MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED", 1),
            new ReportData.ReasonCount("OTHER", 1),
            new ReportData.ReasonCount("UNAUTHORISED", 1));

    DisputeStats stats = queries.stats(FROM, NOW, NOW);
    assertThat(stats.opened()).isEqualTo(r.opened());
    assertThat(stats.resolved()).isEqualTo(r.resolved());
    for (DisputeStats.OutcomeTotal t : stats.outcomes()) {
      ReportData.Amounts a =
          r.currencies().stream()
              .filter(c -> c.currency().equals(t.currency()))
              .findFirst()
              .orElseThrow()
              .amounts();
      assertThat(a.recoveredMinor()).as("recovered " + t.currency()).isEqualTo(t.wonMinor());
      assertThat(a.refundedMinor()).as("refunded " + t.currency()).isEqualTo(t.lostMinor());
    }
  }

  @EachDatabase
  void anEmptyPeriodHasItsWeeksWithZeros() {
    Instant from = Instant.parse("2026-10-04T22:00:00Z");
    ReportData r = queries.report(from, from.plus(Duration.ofDays(14)), BERLIN);

    assertThat(r.weeks())
        .extracting(ReportData.Week::start)
        .containsExactly(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 12));
    assertThat(r.isEmpty()).isTrue();
    assertThat(r.opened()).isZero();
    assertThat(r.resolved()).isZero();
    assertThat(r.currencies()).isEmpty();
    assertThat(r.reasons()).isEmpty();
    assertThat(r.medianFirstAction()).isNull();
    assertThat(r.winRate()).isEmpty();
    assertThat(r.deadlinesDue()).isZero();
  }

  @EachDatabase
  void weeksFollowTheLocalCalendarAcrossTheDaylightSavingSwitch() {
    ZoneId ny = ZoneId.of("America/New_York");
    // New York left daylight saving on Sunday 1 Nov 2026; Monday 9 Nov starts at 05:00 UTC.
    new DisputeSeeds(db, clock).dispute("late-sunday").created(t("2026-11-09T04:30:00Z")).store();
    new DisputeSeeds(db, clock).dispute("early-monday").created(t("2026-11-09T05:30:00Z")).store();

    ReportData r = queries.report(t("2026-11-02T05:00:00Z"), t("2026-11-16T05:00:00Z"), ny);

    assertThat(r.weeks())
        .extracting(ReportData.Week::start)
        .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9));
    assertThat(r.weeks().get(1).from()).isEqualTo(t("2026-11-09T05:00:00Z"));
    assertThat(r.weeks().get(0).opened()).as("A, B, late-sunday").isEqualTo(3);
    assertThat(r.weeks().get(1).opened()).as("E, F, early-monday").isEqualTo(3);
  }

  @EachDatabase
  void personalNumbersCountOnlyThePersonsDisputes() {
    AssignmentStore assignments = new AssignmentStore(db);
    assignments.assign("A", "U1", "U9");
    assignments.assign("B", "U1", "U9");
    assignments.assign("E", "U1", "U9");
    assignments.assign("C", "U1", "U9");
    assignments.assign("F", "U1", "U9");
    assignments.assign("G", "U2", "U9");

    PersonalStats u1 =
        queries.personal("U1", t("2026-11-23T00:00:00Z"), NOW.minus(Duration.ofDays(90)), NOW);

    assertThat(u1.open()).as("C and F").isEqualTo(2);
    assertThat(u1.dueThisWeek()).as("C is overdue; F is due on the 25th").isEqualTo(1);
    assertThat(u1.won()).as("A won, E cancelled").isEqualTo(2);
    assertThat(u1.lost()).as("B").isEqualTo(1);
    assertThat(queries.personal("U3", NOW, NOW.minus(Duration.ofDays(90)), NOW))
        .isEqualTo(new PersonalStats(0, 0, 0, 0));
  }

  @EachDatabase
  void disputesImportedFromTheListCountAsWonOrLostByWhatTheListSays() {
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    seeds
        .dispute("H")
        .amount("7.00", "USD")
        .created(t("2026-11-16T10:00:00Z"))
        .resolvedInList("WON", t("2026-11-17T10:00:00Z"))
        .store();
    seeds
        .dispute("I")
        .amount("3.00", "USD")
        .created(t("2026-11-16T10:00:00Z"))
        .resolvedInList("LOST", t("2026-11-17T11:00:00Z"))
        .store();

    ReportData.Week w3 = queries.report(FROM, NOW, BERLIN).weeks().get(2);

    assertThat(w3.resolved(OutcomeDetail.WON)).isEqualTo(1);
    assertThat(w3.resolved(OutcomeDetail.LOST)).isEqualTo(1);
    assertThat(w3.amounts().get("USD")).isEqualTo(new ReportData.Amounts(1_000, 700, 300));
    assertThat(queries.stats(FROM, NOW, NOW).won()).as("A, E and H").isEqualTo(3);
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }
}
