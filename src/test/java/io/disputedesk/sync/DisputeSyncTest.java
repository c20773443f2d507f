package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimSeeds;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync against the PayPal simulator and a real database; Slack writes are checked in the
 * outbox.
 */
class DisputeSyncTest {
  private final Clock clock = Clock.systemUTC();
  private final ObjectMapper mapper = Json.newMapper();
  private final OkHttpClient http = new OkHttpClient();
  @TempDir Path dir;
  private PayPalSimulator sim;
  private Database db;
  private DisputeStore disputes;
  private OutboxStore outbox;
  private SyncState state;

  /** What the sync told its change listener, one set per call. */
  private final List<Set<String>> told = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
    db = TestDatabases.open(dir, clock);
    disputes = new DisputeStore(db, mapper);
    outbox = new OutboxStore(db);
    state = new SyncState(db);
  }

  @AfterEach
  void tearDown() {
    db.close();
    sim.close();
  }

  private PayPalClient paypal(PayPalCallObserver observer) {
    return new PayPalClient(
        http,
        mapper,
        new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
        clock,
        d -> {},
        observer);
  }

  private DisputeSync sync(int maxPages, PayPalCallObserver observer) {
    return new DisputeSync(
        paypal(observer),
        db,
        disputes,
        new Notifier(outbox, mapper, "C0DISPUTES", null),
        state,
        clock,
        told::add,
        maxPages);
  }

  private DisputeSync sync() {
    return sync(WindowedListing.MAX_PAGES, PayPalCallObserver.none());
  }

  private List<OutboxRow> rows(String kind) {
    List<OutboxRow> rows = new ArrayList<>(outbox.inState(OutboxRow.PENDING));
    return rows.stream().filter(r -> r.kind().equals(kind)).toList();
  }

  private String waitingForSeller() {
    return sim.createDispute(
        SimDisputeSpec.builder().status(SimStatus.WAITING_FOR_SELLER_RESPONSE).build());
  }

  @Test
  void aPollCostsOneListCallPlusOneDetailsReadPerChangedDispute() {
    List<String> ids = SimSeeds.historic(sim, 200, clock, new Random(3));
    DisputeSync sync = sync();
    assertThat(sync.poll().listed()).isEqualTo(200);
    List<String> open =
        ids.stream()
            .filter(id -> sim.get(id).path("status").asText().equals("WAITING_FOR_SELLER_RESPONSE"))
            .limit(3)
            .toList();
    open.forEach(id -> sim.addBuyerMessage(id, "Any news?"));
    sim.clearRequests();

    PollResult result = sync.poll();

    assertThat(result.changed()).isEqualTo(3);
    assertThat(sim.count("list")).isEqualTo(1);
    assertThat(sim.count("get")).isEqualTo(3);
    assertThat(sim.count("token")).isZero();
    assertThat(rows(Notifier.THREAD))
        .extracting(OutboxRow::disputeId)
        .containsExactlyInAnyOrderElementsOf(open);
  }

  @Test
  void aPollWithNothingNewReadsNoDetailsAndQueuesNothing() {
    waitingForSeller();
    DisputeSync sync = sync();
    sync.poll();
    int queued = outbox.pendingCount();
    sim.clearRequests();

    PollResult again = sync.poll();

    assertThat(again.ok()).isTrue();
    assertThat(again.changed()).isZero();
    assertThat(sim.count("get")).isZero();
    assertThat(outbox.pendingCount()).isEqualTo(queued);
  }

  @Test
  void aWindowWithMorePagesThanPayPalServesGoesOnWhereItStoppedAndNothingIsMissed() {
    SimSeeds.historic(sim, 300, clock, new Random(11));

    PollResult result = sync(2, PayPalCallObserver.none()).poll();

    assertThat(result.ok()).isTrue();
    assertThat(result.listed()).isEqualTo(300);
    assertThat(disputes.count()).isEqualTo(300);
    // Windows go on by creation time (PayPal lists newest creation first) instead of being re-read.
    assertThat(sim.requestsTo("list"))
        .anySatisfy(r -> assertThat(r.pathAndQuery()).contains("create_time_before="));
    assertThat(result.pages())
        .isEqualTo(7); // 300 disputes, 50 a page: 6 at least, +1 for the window edges
    Map<String, Long> pagesPerWindow =
        sim.requestsTo("list").stream()
            .map(r -> r.pathAndQuery().replaceAll("&?next_page_token=[^&]*", ""))
            .collect(Collectors.groupingBy(q -> q, Collectors.counting()));
    assertThat(pagesPerWindow.values())
        .allSatisfy(pages -> assertThat(pages).isLessThanOrEqualTo(2));
    assertThat(pagesPerWindow).hasSizeGreaterThan(3);
  }

  @Test
  void firstRunQueuesOneSummaryBeforeCardsAndOnlyForDisputesThatNeedUs() {
    List<String> ids = SimSeeds.historic(sim, 120, clock, new Random(5));
    long needing =
        ids.stream()
            .filter(id -> sim.get(id).path("status").asText().equals("WAITING_FOR_SELLER_RESPONSE"))
            .count();

    PollResult result = sync().poll();

    assertThat(result.firstRun()).isTrue();
    List<OutboxRow> pending = outbox.inState(OutboxRow.PENDING);
    assertThat(pending.get(0).kind()).isEqualTo(Notifier.MESSAGE);
    assertThat(pending.get(0).payload())
        .contains("Imported 120 disputes, " + needing + " need a response");
    assertThat(rows(Notifier.CARD)).hasSize((int) needing);
    assertThat(rows(Notifier.THREAD)).isEmpty();
    assertThat(sim.count("get")).isEqualTo((int) needing);
    assertThat(disputes.count()).isEqualTo(120);
  }

  /**
   * PayPal refusing our credentials is no single dispute's fault: the poll stops (one bad dispute
   * does not).
   */
  @Test
  void aPollCutShortByPayPalRefusingUsLeavesNothingHalfDoneAndTheNextOneFinishes() {
    sync().poll();
    for (int i = 0; i < 3; i++) {
      waitingForSeller();
    }
    var cursor = state.instant(DisputeSync.CURSOR).orElseThrow();
    AtomicInteger reads = new AtomicInteger();
    DisputeSync failing =
        sync(
            WindowedListing.MAX_PAGES,
            (op, status, took) -> {
              if (op.equals("disputes.get") && reads.incrementAndGet() == 1) {
                // Refused again after the client's one token refresh.
                sim.failNext("get", 401, 2);
              }
            });

    PollResult cut = failing.poll();

    assertThat(cut.ok()).isFalse();
    assertThat(disputes.count()).isEqualTo(1);
    assertThat(rows(Notifier.CARD)).hasSize(1);
    assertThat(state.instant(DisputeSync.CURSOR)).contains(cursor);
    assertThat(state.string(DisputeSync.LAST_ERROR))
        .hasValueSatisfying(e -> assertThat(e).contains("HTTP 401"));

    PollResult next = sync().poll();

    assertThat(next.ok()).isTrue();
    assertThat(next.changed()).isEqualTo(2);
    assertThat(disputes.count()).isEqualTo(3);
    assertThat(rows(Notifier.CARD))
        .hasSize(3)
        .extracting(OutboxRow::disputeId)
        .doesNotHaveDuplicates();
  }

  @Test
  void aListedDisputeWithoutDetailsIsLeftOutWithoutStoppingThePoll() {
    DisputeSync sync = sync();
    sync.poll();
    waitingForSeller();
    waitingForSeller();
    sim.failNext("get", 404, 1);

    PollResult result = sync.poll();

    assertThat(result.ok()).isTrue();
    assertThat(result.changed()).isEqualTo(2);
    assertThat(disputes.count()).isEqualTo(1);
    assertThat(rows(Notifier.CARD)).hasSize(1);
  }

  @Test
  void refreshReRendersTheCardEvenWhenPayPalHasNothingNew() throws Exception {
    sync().poll();
    String id = waitingForSeller();
    DisputeSync sync = sync();
    sync.refresh(id);
    Thread.sleep(2);

    sync.refresh(id);

    assertThat(rows(Notifier.CARD)).hasSize(2);
    assertThat(rows(Notifier.THREAD)).isEmpty();
  }

  @Test
  void aPollTellsTheListenerOnceWhichDisputesItStored() {
    List<String> ids = List.of(waitingForSeller(), waitingForSeller(), waitingForSeller());
    DisputeSync sync = sync();
    sync.poll();
    assertThat(told).as("a first run imports disputes no one owns yet").isEmpty();
    sim.addBuyerMessage(ids.get(0), "Any news?");
    sim.addBuyerMessage(ids.get(2), "Hello?");

    sync.poll();
    sync.poll();

    assertThat(told).containsExactly(Set.of(ids.get(0), ids.get(2)));
  }

  @Test
  void aRefreshTellsTheListenerOnlyWhenPayPalHadSomethingNew() {
    sync().poll();
    String id = waitingForSeller();
    DisputeSync sync = sync();

    sync.refresh(id);
    sync.refresh(id);

    assertThat(told).containsExactly(Set.of(id));
  }

  @Test
  void aFailingListenerDoesNotFailThePoll() {
    sync().poll();
    waitingForSeller();
    DisputeSync sync =
        new DisputeSync(
            paypal(PayPalCallObserver.none()),
            db,
            disputes,
            new Notifier(outbox, mapper, "C0DISPUTES", null),
            state,
            clock,
            ids -> {
              throw new IllegalStateException("listener broke");
            });

    PollResult result = sync.poll();

    assertThat(result.ok()).isTrue();
    assertThat(disputes.count()).isEqualTo(1);
    assertThat(state.string(DisputeSync.LAST_ERROR)).isEmpty();
  }

  @Test
  void whatTheListenerRecordsCommitsWithTheReadOrNeitherDoes() {
    sync().poll();
    String id = waitingForSeller();
    AtomicBoolean broken = new AtomicBoolean(true);
    ChangeListener recorder =
        new ChangeListener() {
          @Override
          public void changed(Set<String> ids) {}

          @Override
          public void recording(String disputeId, Instant updateTime, List<DisputeEvent> events) {
            state.put("recorded." + disputeId, events.get(0).kind());
            if (broken.get()) {
              throw new IllegalStateException("recording broke");
            }
          }
        };
    DisputeSync sync =
        new DisputeSync(
            paypal(PayPalCallObserver.none()),
            db,
            disputes,
            new Notifier(outbox, mapper, "C0DISPUTES", null),
            state,
            clock,
            recorder);

    PollResult failed = sync.poll();

    assertThat(failed.setAside()).isEqualTo(1);
    assertThat(disputes.find(id)).isEmpty();
    assertThat(state.string("recorded." + id)).as("rolled back with the read").isEmpty();
    assertThat(rows(Notifier.CARD)).noneSatisfy(r -> assertThat(r.disputeId()).isEqualTo(id));

    broken.set(false);
    sync.refresh(id);

    assertThat(disputes.find(id)).isPresent();
    assertThat(state.string("recorded." + id)).contains("new");
    assertThat(rows(Notifier.CARD)).anySatisfy(r -> assertThat(r.disputeId()).isEqualTo(id));
  }
}
