package io.disputedesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.Fixtures;
import io.disputedesk.json.Json;
import io.disputedesk.order.OrderFacts.Gap;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.TrackingStatus;
import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class OrderFactsStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private static final String WAITING = "PP-D-4012";
  private static final String OPEN = "PP-000-042-663-135";
  private static final String RESOLVED = "PP-D-61890";
  private static final ShippingAddress ADDRESS =
      new ShippingAddress("Ana Buyer", "4th Floor", "Unit #34", "San Jose", "CA", "95131", "US");

  private final ShiftableClock clock = new ShiftableClock(START);
  private Database db;
  private OrderFactsStore store;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    DisputeStore disputes = new DisputeStore(db, Json.newMapper());
    disputes.upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    disputes.upsert(Fixtures.dispute(Fixtures.INQUIRY_OPEN));
    disputes.upsert(Fixtures.dispute(Fixtures.RESOLVED_BUYER));
    store = new OrderFactsStore(db, Json.newMapper());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void factsArePendingUntilTheFirstFetchAndThenReadBack() {
    store.want(Set.of(OPEN), START);
    assertThat(store.find(OPEN)).contains(OrderFacts.pending(OPEN));
    assertThat(store.find(WAITING)).isEmpty();
    assertThat(store.withAddress(OPEN))
        .isEqualTo(new OrderFactsStore.WithAddress(OrderFacts.pending(OPEN), null));

    assertThat(store.claim(OPEN, START, START.minus(Duration.ofHours(1)), START.plusSeconds(300)))
        .isTrue();
    store.save(facts(OPEN, START.plusSeconds(2)), Optional.of(ADDRESS), START, false);

    OrderFacts read = store.find(OPEN).orElseThrow();
    assertThat(read).isEqualTo(facts(OPEN, START.plusSeconds(2)));
    assertThat(read.delivered()).isTrue();
    assertThat(read.order().items())
        .extracting(OrderFacts.OrderItem::name)
        .containsExactly("Espresso machine");
  }

  @EachDatabase
  void theFullAddressIsKeptApartFromTheFactsTheCardShows() throws Exception {
    claimAndSave(OPEN, facts(OPEN, START), Optional.of(ADDRESS), false);

    assertThat(store.shippingAddress(OPEN)).contains(ADDRESS);
    assertThat(store.shippingAddress(WAITING)).isEmpty();
    assertThat(store.withAddress(OPEN))
        .isEqualTo(new OrderFactsStore.WithAddress(facts(OPEN, START), ADDRESS));
    assertThat(store.withAddress(WAITING)).isEqualTo(new OrderFactsStore.WithAddress(null, null));
    String factsJson =
        db.read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT facts_json FROM order_facts WHERE dispute_id = ?")) {
                ps.setString(1, OPEN);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
    assertThat(factsJson)
        .contains("San Jose")
        .doesNotContain("4th Floor", "Unit #34", "95131", "Ana Buyer");
    assertThat(ADDRESS.toString()).doesNotContain("4th Floor", "San Jose");
  }

  @EachDatabase
  void dueAreWantedOpenDisputesNotFetchedThisHourAndUnseenOnesWaitingOnUs() {
    store.want(Set.of(OPEN, RESOLVED), START);

    assertThat(store.due(START, START.minus(Duration.ofHours(1)), 10))
        .containsExactlyInAnyOrder(OPEN, WAITING);

    claimAndSave(OPEN, facts(OPEN, START), Optional.empty(), false);
    claimAndSave(WAITING, facts(WAITING, START), Optional.empty(), false);
    store.want(Set.of(OPEN), START.plusSeconds(60));
    Instant soon = START.plus(Duration.ofMinutes(30));
    assertThat(store.due(soon, soon.minus(Duration.ofHours(1)), 10)).isEmpty();
    Instant later = START.plus(Duration.ofMinutes(61));
    assertThat(store.due(later, later.minus(Duration.ofHours(1)), 10)).containsExactly(OPEN);
    assertThat(store.due(later, later.minus(Duration.ofHours(1)), 0)).isEmpty();
  }

  @EachDatabase
  void onlyOneOfRacingWorkersClaimsADispute() throws Exception {
    store.want(Set.of(OPEN), START);

    List<Boolean> won =
        Concurrently.run(
            6,
            i ->
                () ->
                    store.claim(
                        OPEN, START, START.minus(Duration.ofHours(1)), START.plusSeconds(300)));

    assertThat(won).containsOnlyOnce(true);
    assertThat(store.due(START, START.minus(Duration.ofHours(1)), 10)).doesNotContain(OPEN);
    assertThat(store.claim(OPEN, START.plusSeconds(301), START, START.plusSeconds(600))).isTrue();
  }

  @EachDatabase
  void aWishMadeDuringAFetchSurvivesItAndAFetchAnswersTheWishesBeforeIt() {
    store.want(Set.of(OPEN), START);
    assertThat(store.claim(OPEN, START, START.minus(Duration.ofHours(1)), START.plusSeconds(300)))
        .isTrue();
    store.want(Set.of(OPEN), START.plusSeconds(1));
    store.save(facts(OPEN, START.plusSeconds(2)), Optional.empty(), START, false);
    Instant later = START.plus(Duration.ofMinutes(61));
    assertThat(store.due(later, later.minus(Duration.ofHours(1)), 10)).contains(OPEN);

    assertThat(store.claim(OPEN, later, later.minus(Duration.ofHours(1)), later.plusSeconds(300)))
        .isTrue();
    store.save(facts(OPEN, later), Optional.empty(), later, false);
    Instant evenLater = later.plus(Duration.ofHours(2));
    assertThat(store.due(evenLater, evenLater.minus(Duration.ofHours(1)), 10)).doesNotContain(OPEN);
  }

  @EachDatabase
  void factsPayPalMayStillGiveAreAskedForAgainInAnHour() {
    OrderFacts notYet =
        new OrderFacts(OPEN, "00D10444LD479031K", null, Gap.NOT_LISTED, List.of(), null, START);
    claimAndSave(OPEN, notYet, Optional.empty(), true);

    Instant later = START.plus(Duration.ofMinutes(61));
    assertThat(store.due(later, later.minus(Duration.ofHours(1)), 10)).contains(OPEN);
    assertThat(store.find(OPEN).orElseThrow().orderGap()).isEqualTo(Gap.NOT_LISTED);
  }

  @EachDatabase
  void saveSaysWhetherTheCardWouldChange() {
    assertThat(claimAndSave(OPEN, facts(OPEN, START), Optional.empty(), false)).isTrue();
    Instant later = START.plus(Duration.ofHours(2));
    store.want(Set.of(OPEN), later);
    assertThat(claimAndSave(OPEN, facts(OPEN, later), Optional.empty(), false)).isFalse();
    Instant latest = later.plus(Duration.ofHours(2));
    OrderFacts moved =
        new OrderFacts(
            OPEN,
            "00D10444LD479031K",
            facts(OPEN, latest).order(),
            null,
            List.of(new OrderFacts.Shipment("UPS", "1Z9", TrackingStatus.IN_TRANSIT, null, false)),
            null,
            latest);
    store.want(Set.of(OPEN), latest);
    assertThat(claimAndSave(OPEN, moved, Optional.empty(), false)).isTrue();
  }

  @EachDatabase
  void aPostponedDisputeKeepsItsFactsAndItsWish() {
    claimAndSave(OPEN, facts(OPEN, START), Optional.empty(), false);
    Instant later = START.plus(Duration.ofHours(2));
    store.want(Set.of(OPEN), later);
    assertThat(store.claim(OPEN, later, later.minus(Duration.ofHours(1)), later.plusSeconds(300)))
        .isTrue();

    store.postpone(OPEN, later);

    assertThat(store.find(OPEN).orElseThrow().fetchedAt()).isEqualTo(later);
    assertThat(store.find(OPEN).orElseThrow().order()).isNotNull();
    assertThat(store.due(later, later.minus(Duration.ofHours(1)), 10)).doesNotContain(OPEN);
    Instant nextHour = later.plus(Duration.ofMinutes(61));
    assertThat(store.due(nextHour, nextHour.minus(Duration.ofHours(1)), 10)).contains(OPEN);
  }

  @EachDatabase
  void factsThisVersionCannotReadAreLeftOffTheCard() {
    claimAndSave(OPEN, facts(OPEN, START), Optional.empty(), false);
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE order_facts SET facts_json = '{\"order\":7}'")) {
            return ps.executeUpdate();
          }
        });

    assertThat(store.find(OPEN)).isEmpty();
    assertThat(store.withAddress(OPEN).facts()).isNull();
  }

  private boolean claimAndSave(
      String id, OrderFacts facts, Optional<ShippingAddress> address, boolean tryAgain) {
    Instant at = facts.fetchedAt();
    if (!store.claim(id, at, at.minus(Duration.ofHours(1)), at.plusSeconds(300))) {
      throw new AssertionError("could not claim " + id);
    }
    return store.save(facts, address, at, tryAgain);
  }

  private static OrderFacts facts(String id, Instant at) {
    return new OrderFacts(
        id,
        "00D10444LD479031K",
        new OrderFacts.Order(
            List.of(
                new OrderFacts.OrderItem(
                    "Espresso machine", "1", Money.of("400.00", "USD"), Money.of("400.00", "USD"))),
            new OrderFacts.ShipTo("San Jose", "US"),
            Money.of("465.00", "USD"),
            null),
        null,
        List.of(
            new OrderFacts.Shipment(
                "FEDEX",
                "443844607820",
                TrackingStatus.DELIVERED,
                LocalDate.of(2026, 11, 4),
                false)),
        null,
        at);
  }
}
