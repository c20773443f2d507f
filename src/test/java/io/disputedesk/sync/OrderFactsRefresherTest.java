package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.order.OrderFactsStore;
import io.disputedesk.order.OrderLookup;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.paypal.ShipmentTracking;
import io.disputedesk.paypal.TransactionSearch;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimDisputeSpecBuilder;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order facts follow new and changed disputes in the background: once an hour at most, bounded per
 * pass.
 */
class OrderFactsRefresherTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
  private final PayPalClient paypal =
      new PayPalClient(
          http,
          Json.newMapper(),
          new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
          clock,
          d -> {},
          PayPalCallObserver.none());
  private Database db;
  private DisputeStore disputes;
  private OrderFactsStore facts;
  private OutboxStore outbox;
  private OrderFactsRefresher refresher;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir, clock);
    disputes = new DisputeStore(db, Json.newMapper());
    facts = new OrderFactsStore(db, Json.newMapper());
    outbox = new OutboxStore(db);
    refresher = refresher();
  }

  @AfterEach
  void close() {
    refresher.close();
    db.close();
    sim.close();
    http.dispatcher().executorService().shutdown();
  }

  private OrderFactsRefresher refresher() {
    return new OrderFactsRefresher(
        new OrderLookup(new TransactionSearch(paypal, clock), new ShipmentTracking(paypal)),
        facts,
        disputes,
        db,
        new Notifier(outbox, Json.newMapper(), "C0DISPUTES", null),
        clock);
  }

  @Test
  void aChangedDisputesFactsAreFetchedInTheBackgroundAndItsCardRedrawn() {
    String id =
        stored(
            SimDisputeSpec.builder()
                .status(SimStatus.WAITING_FOR_BUYER_RESPONSE)
                .tracker("UPS", "1Z999AA10123456784", "DELIVERED"));

    refresher.changed(Set.of(id));

    Await.until(
        "the order facts of " + id, () -> facts.find(id).filter(f -> !f.isPending()).isPresent());
    OrderFacts f = facts.find(id).orElseThrow();
    assertThat(f.order().items()).isNotEmpty();
    assertThat(f.delivered()).isTrue();
    Await.until("the card of " + id + " redrawn", () -> cardRefreshes(id) == 1);
    assertThat(sim.count("transactions-search")).isEqualTo(1);
    assertThat(sim.count("trackers-list")).isEqualTo(1);
  }

  @Test
  void factsAreFetchedAtMostOnceAnHourPerDispute() {
    String id = stored(SimDisputeSpec.builder().status(SimStatus.WAITING_FOR_BUYER_RESPONSE));
    facts.want(Set.of(id), clock.instant());
    assertThat(refresher.pass()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(59));
    facts.want(Set.of(id), clock.instant());
    assertThat(refresher.pass()).isZero();
    assertThat(sim.count("transactions-search")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(2));
    sim.orders().setTrackingStatus(id, "DELIVERED");
    assertThat(refresher.pass()).isEqualTo(1);
    assertThat(sim.count("transactions-search")).isEqualTo(2);
    assertThat(facts.find(id).orElseThrow().delivered()).isTrue();
    assertThat(cardRefreshes(id)).isEqualTo(2);
  }

  @Test
  void factsThatDidNotChangeLeaveTheCardAlone() {
    String id = stored(SimDisputeSpec.builder().status(SimStatus.WAITING_FOR_BUYER_RESPONSE));
    facts.want(Set.of(id), clock.instant());
    refresher.pass();
    clock.advance(Duration.ofHours(2));
    facts.want(Set.of(id), clock.instant());

    assertThat(refresher.pass()).isEqualTo(1);

    assertThat(sim.count("transactions-search")).isEqualTo(2);
    assertThat(cardRefreshes(id)).isEqualTo(1);
  }

  @Test
  void disputesAFirstImportLeftWaitingOnUsAreFetchedWithoutBeingAskedAndResolvedOnesAreNot() {
    String waiting = stored(SimDisputeSpec.builder());
    String resolved =
        stored(
            SimDisputeSpec.builder()
                .resolved(io.disputedesk.sim.SimOutcome.RESOLVED_SELLER_FAVOUR, null, false));
    facts.want(Set.of(resolved), clock.instant());

    assertThat(refresher.pass()).isEqualTo(1);

    assertThat(facts.find(waiting)).hasValueSatisfying(f -> assertThat(f.isPending()).isFalse());
    assertThat(facts.find(resolved)).hasValueSatisfying(f -> assertThat(f.isPending()).isTrue());
  }

  @Test
  void aPassFetchesAtMostTwentyAndTheNextPassTheRest() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < OrderFactsRefresher.PER_PASS + 5; i++) {
      ids.add(stored(SimDisputeSpec.builder()));
    }

    assertThat(refresher.pass()).isEqualTo(OrderFactsRefresher.PER_PASS);
    assertThat(refresher.pass()).isEqualTo(5);
    assertThat(refresher.pass()).isZero();
    assertThat(sim.count("transactions-search")).isEqualTo(ids.size());
  }

  @Test
  void twoWorkersOnOneDatabaseFetchEachDisputeOnce() throws Exception {
    for (int i = 0; i < 12; i++) {
      stored(SimDisputeSpec.builder());
    }
    try (OrderFactsRefresher other = refresher()) {
      List<Integer> fetched = Concurrently.run(2, n -> () -> (n == 0 ? refresher : other).pass());

      assertThat(fetched.get(0) + fetched.get(1)).isEqualTo(12);
    }
    assertThat(sim.count("transactions-search")).isEqualTo(12);
  }

  @Test
  void aPermissionMissingNowIsAskedForAgainInAnHourAndTheCardRecovers() {
    String id = stored(SimDisputeSpec.builder());
    sim.orders().transactionSearch(false);
    refresher.pass();
    assertThat(facts.find(id).orElseThrow().orderGap()).isEqualTo(OrderFacts.Gap.NO_PERMISSION);

    sim.orders().transactionSearch(true);
    assertThat(refresher.pass()).isZero();
    clock.advance(Duration.ofMinutes(61));
    assertThat(refresher.pass()).isEqualTo(1);

    assertThat(facts.find(id).orElseThrow().orderGap()).isNull();
    assertThat(cardRefreshes(id)).isEqualTo(2);
  }

  @Test
  void oneUnreadableDisputeIsPostponedAndDoesNotHoldUpTheOthers() {
    String broken = stored(SimDisputeSpec.builder());
    String fine = stored(SimDisputeSpec.builder());
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE disputes SET raw_json = '{' WHERE dispute_id = ?")) {
            ps.setString(1, broken);
            return ps.executeUpdate();
          }
        });

    assertThat(refresher.pass()).isEqualTo(2);

    assertThat(facts.find(fine).orElseThrow().isPending()).isFalse();
    assertThat(facts.find(broken).orElseThrow().isPending()).isTrue();
    assertThat(refresher.pass()).isZero();
  }

  /** Creates the dispute in the simulator and stores PayPal's details of it, as a poll would. */
  private String stored(SimDisputeSpecBuilder spec) {
    String id = sim.createDispute(spec.build());
    disputes.upsert(paypal.getDispute(id));
    return id;
  }

  private long cardRefreshes(String disputeId) {
    return outbox.inState(OutboxRow.PENDING).stream()
        .filter(
            r ->
                r.disputeId().equals(disputeId)
                    && r.dedupeKey().startsWith("card:" + disputeId + ":order:"))
        .count();
  }
}
