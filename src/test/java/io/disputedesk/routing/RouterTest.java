package io.disputedesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.FilterWords;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.json.Json;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Routes decide channels in Java and, for the digest, in SQL: both must agree dispute by dispute.
 */
class RouterTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final String MAIN = "C0MAIN";

  private final ShiftableClock clock = new ShiftableClock(NOW);
  private Database db;
  private DisputeStore disputes;
  private SubscriptionStore subscriptions;
  private Router router;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    disputes = new DisputeStore(db, Json.newMapper());
    subscriptions = new SubscriptionStore(db);
    router =
        new Router(
            List.of(
                Route.configured("C0CLAIMS", route("claim chargeback")),
                Route.configured("C0BIG", route("500 USD 70000 JPY")),
                Route.configured("C0BRANDB", route("account:brand-b")),
                Route.configured(MAIN, route("inquiry"))),
            subscriptions,
            MAIN);
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    seeds.dispute("D-INQ-SMALL").stage("INQUIRY", "INTERNAL").amount("20.00", "USD").store();
    seeds.dispute("D-INQ-BIG").stage("INQUIRY", "INTERNAL").amount("800.00", "USD").store();
    seeds.dispute("D-CLAIM").stage("CHARGEBACK", "INTERNAL").amount("30.00", "EUR").store();
    seeds.dispute("D-CARD").stage("CHARGEBACK", "EXTERNAL").amount("90000", "JPY").store();
    seeds.dispute("D-ARB").stage("ARBITRATION", "INTERNAL").amount("10.00", "GBP").store();
    seeds
        .dispute("D-B")
        .stage("ARBITRATION", "INTERNAL")
        .amount("10.00", "GBP")
        .account("brand-b")
        .store();
    seeds.dispute("D-NULLS").stage(null, null).amount("5.00", "USD").store();
    seeds
        .dispute("D-OLD")
        .stage("INQUIRY", "INTERNAL")
        .resolved("RESOLVED_SELLER_FAVOUR", null, NOW.minus(Duration.ofDays(1)))
        .store();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static DisputeFilter route(String words) {
    return FilterWords.parse(words, FilterWords.Use.ROUTE);
  }

  private List<String> channels(String id) {
    StoredDispute d = disputes.find(id).orElseThrow();
    return router.channelsFor(d.facts());
  }

  @EachDatabase
  void aDisputeGoesToEveryMatchingRouteInOrderAndTheRestToTheDefaultChannel() {
    assertThat(channels("D-INQ-SMALL")).containsExactly(MAIN);
    assertThat(channels("D-INQ-BIG")).containsExactly("C0BIG", MAIN);
    assertThat(channels("D-CLAIM")).containsExactly("C0CLAIMS");
    assertThat(channels("D-CARD")).containsExactly("C0CLAIMS", "C0BIG");
    assertThat(channels("D-ARB")).as("no route: the default channel").containsExactly(MAIN);
    assertThat(channels("D-B")).containsExactly("C0BRANDB");
  }

  @EachDatabase
  void aSubscriptionFromSlackIsARouteForTheNextDecision() {
    assertThat(channels("D-ARB")).containsExactly(MAIN);
    subscriptions.add("C0LEGAL", route("arbitration pre-arbitration").words(), "U0APPROVER");

    assertThat(channels("D-ARB")).containsExactly("C0LEGAL");
    assertThat(channels("D-B")).containsExactly("C0BRANDB", "C0LEGAL");
    assertThat(router.channels()).containsExactly(MAIN, "C0CLAIMS", "C0BIG", "C0BRANDB", "C0LEGAL");
  }

  @EachDatabase
  void eachChannelsScopeInSqlIsExactlyTheDisputesRoutedThere() {
    subscriptions.add("C0LEGAL", route("arbitration").words(), "U0APPROVER");
    DisputeQueries queries = new DisputeQueries(db);
    List<String> all =
        List.of(
            "D-INQ-SMALL", "D-INQ-BIG", "D-CLAIM", "D-CARD", "D-ARB", "D-B", "D-NULLS", "D-OLD");
    for (String channel : router.channels()) {
      DisputeScope scope = router.scopeOf(channel);
      Set<String> inJava =
          all.stream()
              .filter(id -> channels(id).contains(channel))
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> inSql =
          queries
              .digest(NOW.minus(Duration.ofDays(30)), NOW, Duration.ofDays(30), 100, scope)
              .newSince()
              .lines()
              .stream()
              .map(l -> l.disputeId())
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(inSql).as(channel).isEqualTo(inJava);
    }
    assertThat(channels("D-NULLS"))
        .as("a dispute with no stage matches no stage route")
        .containsExactly(MAIN);
  }
}
