package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.sim.DetailsFault;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disputes whose details fail are set aside, the poll goes on, and later polls try them again. */
class SetAsideSyncTest {
  private final ShiftableClock clock = new ShiftableClock();
  private final ObjectMapper mapper = Json.newMapper();
  private final OkHttpClient http = new OkHttpClient();
  @TempDir Path dir;
  private PayPalSimulator sim;
  private Database db;
  private DisputeStore disputes;
  private OutboxStore outbox;
  private SyncState state;
  private SetAsideStore setAside;
  private DisputeSync sync;
  private final List<Set<String>> told = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    sim = PayPalSimulator.start(SimulatorOptions.defaults(Clock.systemUTC()));
    db = TestDatabases.open(dir, clock);
    disputes = new DisputeStore(db, mapper);
    outbox = new OutboxStore(db);
    state = new SyncState(db);
    setAside = new SetAsideStore(db);
    PayPalClient paypal =
        new PayPalClient(
            http,
            mapper,
            new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
            clock,
            d -> {},
            PayPalCallObserver.none());
    sync =
        new DisputeSync(
            paypal,
            db,
            disputes,
            new Notifier(outbox, mapper, "C0DISPUTES", null),
            state,
            clock,
            told::add);
  }

  @AfterEach
  void tearDown() {
    db.close();
    sim.close();
  }

  private String waitingForSeller() {
    return sim.createDispute(
        SimDisputeSpec.builder().status(SimStatus.WAITING_FOR_SELLER_RESPONSE).build());
  }

  private long detailsReads(String id) {
    return sim.requestsTo("get").stream().filter(r -> r.pathAndQuery().endsWith("/" + id)).count();
  }

  private List<String> cardRows() {
    return outbox.inState(OutboxRow.PENDING).stream()
        .filter(r -> r.kind().equals(Notifier.CARD))
        .map(OutboxRow::disputeId)
        .toList();
  }

  private Instant updateTime(String id) {
    return Instant.parse(sim.get(id).path("update_time").asText());
  }

  @Test
  void aDisputeWhoseDetailsFailIsSetAsideTheRestGoOnAndTheCursorPassesIt() {
    sync.poll();
    String bad = waitingForSeller();
    String good = waitingForSeller();
    String later = waitingForSeller();
    sim.failNextFor("get", bad, 500, 4);

    PollResult result = sync.poll();

    assertThat(result.ok()).isTrue();
    assertThat(result.setAside()).isEqualTo(1);
    assertThat(cardRows()).containsExactlyInAnyOrder(good, later);
    assertThat(disputes.find(bad)).isEmpty();
    assertThat(state.instant(DisputeSync.CURSOR))
        .hasValueSatisfying(c -> assertThat(c).isAfterOrEqualTo(updateTime(bad)));
    assertThat(setAside.find(bad))
        .hasValueSatisfying(
            s -> {
              assertThat(s.attempts()).isEqualTo(1);
              assertThat(s.lastErrorClass()).isEqualTo("HTTP_500_INTERNAL_SERVER_ERROR");
            });
    assertThat(told).containsExactly(Set.of(good, later));
  }

  @Test
  void aSetAsideDisputeIsTriedOnlyAfterItsBackoffAndLeavesTheListWhenARetryGoesThrough() {
    sync.poll();
    String bad = waitingForSeller();
    sim.failNextFor("get", bad, 503, 4);
    sync.poll();
    long reads = detailsReads(bad);
    sim.addBuyerMessage(bad, "Hello?");

    PollResult tooSoon = sync.poll();

    assertThat(tooSoon.ok()).isTrue();
    assertThat(detailsReads(bad)).as("still waiting out its backoff").isEqualTo(reads);
    assertThat(setAside.count()).isEqualTo(1);

    clock.advance(SetAsideStore.backoff(1));
    PollResult retried = sync.poll();

    assertThat(retried.ok()).isTrue();
    assertThat(retried.setAside()).isZero();
    assertThat(detailsReads(bad)).isEqualTo(reads + 1);
    assertThat(disputes.find(bad)).isPresent();
    assertThat(cardRows()).containsExactly(bad);
    assertThat(setAside.count()).isZero();
    assertThat(told).contains(Set.of(bad));
  }

  @Test
  void detailsThatAreForbiddenMalformedOrWithoutAnAmountAreSetAsideEachWithItsClass() {
    sync.poll();
    String forbidden = waitingForSeller();
    String malformed = waitingForSeller();
    String noAmount = waitingForSeller();
    String fine = waitingForSeller();
    sim.failNextFor("get", forbidden, 403, 1);
    sim.spoilDetails(malformed, DetailsFault.MALFORMED_JSON, 1);
    sim.spoilDetails(noAmount, DetailsFault.MISSING_AMOUNT, 1);

    PollResult result = sync.poll();

    assertThat(result.ok()).isTrue();
    assertThat(result.setAside()).isEqualTo(3);
    assertThat(cardRows()).containsExactly(fine);
    assertThat(setAside.list(10))
        .extracting(SetAside::disputeId, SetAside::lastErrorClass)
        .containsExactlyInAnyOrder(
            tuple(forbidden, "HTTP_403_NOT_AUTHORIZED"),
            tuple(malformed, "UNREADABLE_JSON"),
            tuple(noAmount, "MISSING_AMOUNT"));

    clock.advance(SetAsideStore.backoff(1));
    assertThat(sync.poll().setAside()).isZero();
    assertThat(cardRows()).containsExactlyInAnyOrder(fine, forbidden, malformed, noAmount);
    assertThat(setAside.count()).isZero();
  }

  @Test
  void manyFailuresInARowStopThePollAndTheNextPollGetsPastThem() {
    sync.poll();
    Instant cursor = state.instant(DisputeSync.CURSOR).orElseThrow();
    for (int i = 0; i < SetAsidePass.MAX_FAILURES_IN_A_ROW + 1; i++) {
      waitingForSeller();
    }
    sim.failNext("get", 403, SetAsidePass.MAX_FAILURES_IN_A_ROW);

    PollResult stopped = sync.poll();

    assertThat(stopped.ok()).isFalse();
    assertThat(stopped.error()).contains("in a row");
    assertThat(state.instant(DisputeSync.CURSOR)).contains(cursor);
    assertThat(setAside.count()).isEqualTo(SetAsidePass.MAX_FAILURES_IN_A_ROW);

    PollResult next = sync.poll();

    assertThat(next.ok()).isTrue();
    assertThat(cardRows()).hasSize(1);
    assertThat(state.instant(DisputeSync.CURSOR))
        .hasValueSatisfying(c -> assertThat(c).isAfter(cursor));
  }

  @Test
  void aFirstRunLeavesOutWhatItCannotReadAndAnnouncesItOnceARetryReadsIt() {
    String bad = waitingForSeller();
    String good = waitingForSeller();
    sim.failNextFor("get", bad, 403, 1);

    PollResult first = sync.poll();

    assertThat(first.ok()).isTrue();
    assertThat(first.firstRun()).isTrue();
    assertThat(outbox.inState(OutboxRow.PENDING).get(0).payload())
        .contains("Imported 2 disputes, 1 needs a response");
    assertThat(cardRows()).containsExactly(good);
    assertThat(disputes.count()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    sync.poll();

    assertThat(cardRows()).containsExactly(good, bad);
    assertThat(setAside.count()).isZero();
  }

  @Test
  void aRefreshThatReadsASetAsideDisputeTakesItOffTheList() {
    sync.poll();
    String bad = waitingForSeller();
    sim.failNextFor("get", bad, 500, 4);
    sync.poll();
    assertThat(setAside.count()).isEqualTo(1);

    sync.refresh(bad);

    assertThat(setAside.count()).isZero();
    assertThat(cardRows()).containsExactly(bad);
  }
}
