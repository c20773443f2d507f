package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rehearsal runs reads through the whole pipeline and leaves nothing stored, queued or told. */
class RehearsalTest {
  private final Clock clock = Clock.systemUTC();
  private final ObjectMapper mapper = Json.newMapper();
  private final OkHttpClient http = new OkHttpClient();
  private final List<Set<String>> told = new CopyOnWriteArrayList<>();
  @TempDir Path dir;
  private PayPalSimulator sim;
  private Database db;
  private DisputeStore disputes;
  private OutboxStore outbox;
  private DisputeSync sync;
  private SyncState state;

  @BeforeEach
  void setUp() {
    sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
    db = TestDatabases.open(dir, clock);
    disputes = new DisputeStore(db, mapper);
    outbox = new OutboxStore(db);
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
            state = new SyncState(db),
            clock,
            told::add);
  }

  @AfterEach
  void tearDown() {
    db.close();
    sim.close();
  }

  @Test
  void aRehearsedNewAndChangedDisputeProducesEventsButLeavesNoRowsOrSlackWrites() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED).build());
    Dispute first = read(id);
    sim.addBuyerMessage(id, "Where is my parcel?");
    Dispute later = read(id);

    List<DisputeEvent> events = sync.rehearse(List.of(first, later));

    assertThat(events).isNotEmpty();
    assertThat(disputes.count()).isZero();
    assertThat(disputes.find(id)).isEmpty();
    assertThat(outbox.pendingCount()).isZero();
    assertThat(told).isEmpty();
  }

  @Test
  void aRehearsalLeavesAStoredDisputeAsItWas() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED).build());
    sync.apply(read(id));
    int queued = outbox.pendingCount();
    String stored = disputes.find(id).orElseThrow().dispute().rawJson();
    sim.addBuyerMessage(id, "Any news?");

    assertThat(sync.rehearse(List.of(read(id)))).isNotEmpty();

    assertThat(disputes.find(id).orElseThrow().dispute().rawJson()).isEqualTo(stored);
    assertThat(outbox.pendingCount()).isEqualTo(queued);
    assertThat(told).hasSize(1);
  }

  @Test
  void aRehearsalLeavesThePollCursorAsItWas() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED).build());
    String cursor = sync.keys().cursor();

    sync.rehearse(List.of(read(id)));
    assertThat(state.string(cursor)).isEmpty();

    Instant polled = Instant.parse("2026-11-20T08:00:00Z");
    state.put(cursor, polled);
    sync.rehearse(List.of(read(id)));
    assertThat(state.instant(cursor)).contains(polled);
  }

  private Dispute read(String id) {
    try {
      String json = mapper.writeValueAsString(sim.get(id));
      return mapper.readValue(json, Dispute.class).withRawJson(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
