package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.concurrent.Workload;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.PayPalLinks;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.SyncState;
import io.disputedesk.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up passes its gate before each step, as the action threads pass theirs before each
 * action: it goes on only as far as the gate lets it, and a stop ends a wait at the gate.
 */
class WarmupGateTest {
  private static final int FORMS = 9;

  private final Clock clock = Clock.systemUTC();
  private final ObjectMapper mapper = Json.newMapper();
  private final OkHttpClient http = new OkHttpClient();
  private final Workload work = new Workload();
  private final Turnstile gate = new Turnstile();
  private final AtomicInteger formPasses = new AtomicInteger();
  @TempDir Path dir;
  private PayPalSimulator sim;
  private Database db;
  private OutboxStore outbox;
  private Warmup warmup;

  /** A gate the test opens one pass at a time: counts who came to it. */
  private static final class Turnstile implements StartGate {
    private final AtomicInteger arrived = new AtomicInteger();
    private final Semaphore passes = new Semaphore(0);

    @Override
    public void await() throws InterruptedException {
      arrived.incrementAndGet();
      passes.acquire();
    }
  }

  @BeforeEach
  void setUp() {
    sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);
    PayPalClient paypal =
        new PayPalClient(
            http,
            mapper,
            new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
            clock,
            d -> {},
            PayPalCallObserver.none());
    DisputeStore disputes = new DisputeStore(db, mapper);
    DisputeSync sync =
        new DisputeSync(
            paypal,
            db,
            disputes,
            new Notifier(outbox, mapper, "C0DISPUTES", null),
            new SyncState(db),
            clock);
    warmup =
        new Warmup(
            mapper,
            sync,
            new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
            d -> {
              formPasses.incrementAndGet();
              return FORMS;
            },
            clock,
            gate);
  }

  @AfterEach
  void tearDown() {
    warmup.stop();
    db.close();
    sim.close();
  }

  @Test
  void theWarmUpGoesOnOneStepPerOpeningOfItsGateAndEndsOnceItIsOpen() {
    warmup.start(work);
    Await.until("the warm-up to come to its gate", () -> gate.arrived.get() == 1);
    assertThat(formPasses).hasValue(0);

    // One pass at a time: each lets exactly one step run, and the warm-up stops at the gate again.
    int opened = 0;
    while (formPasses.get() == 0) {
      gate.passes.release();
      opened++;
      int expected = opened + 1;
      Await.until("the warm-up to come back to its gate", () -> gate.arrived.get() == expected);
      assertThat(warmup.await(Duration.ZERO)).isEmpty();
    }
    assertThat(opened).as("steps before the first forms are built").isGreaterThan(2);
    assertThat(formPasses).hasValue(1);

    gate.passes.release(Integer.MAX_VALUE / 2);
    Warmup.Done done = warmup.await(Await.DEFAULT).orElseThrow();

    assertThat(done.events()).isPositive();
    assertThat(done.forms()).isEqualTo(FORMS);
    assertThat(gate.arrived.get()).isGreaterThan(opened + 1);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void aStopEndsTheWarmUpWaitingAtItsGateWithoutAnotherStep() {
    warmup.start(work);
    Await.until("the warm-up to come to its gate", () -> gate.arrived.get() == 1);

    warmup.stop();

    // The gate never opens: only a stop that ends the wait lets the warm-up's thread end.
    Await.until("the warm-up's thread to end", () -> work.unfinished() == 0);
    assertThat(warmup.await(Duration.ZERO)).isEmpty();
    assertThat(gate.arrived).hasValue(1);
    assertThat(formPasses).hasValue(0);
  }
}
