package io.disputedesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimSeeds;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.PollResult;
import io.disputedesk.sync.SyncState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * Load driver for the sync (not run by {@code mvn test}; see bench/README.md): a first-run backfill
 * of N disputes from the simulator, then polls with 5 changes among them. Reports PayPal calls, our
 * time (wall time minus the time spent in PayPal HTTP exchanges) and heap.
 */
public final class SyncBenchmark {
  private static final int CHANGES = 5;

  private final AtomicLong paypalNanos = new AtomicLong();
  private final Map<String, Integer> calls = Collections.synchronizedMap(new TreeMap<>());

  public static void main(String[] args) throws Exception {
    // One log line per PayPal call would be counted as our time; the bench keeps only warnings.
    System.setProperty("org.slf4j.simpleLogger.log.io.disputedesk.paypal.Transport", "warn");
    int disputes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    new SyncBenchmark().run(disputes, rounds);
  }

  private void run(int n, int rounds) throws IOException, InterruptedException {
    Clock clock = Clock.systemUTC();
    Path dir = Files.createTempDirectory("dispute-desk-bench");
    ObjectMapper mapper = Json.newMapper();
    try (PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"), clock)) {
      List<String> ids = SimSeeds.historic(sim, n, clock, new Random(1));
      PayPalClient paypal =
          new PayPalClient(
              new OkHttpClient(),
              mapper,
              new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
              clock,
              d -> Thread.sleep(d.toMillis()),
              (op, status, took) -> {
                paypalNanos.addAndGet(took.toNanos());
                calls.merge(op, 1, Integer::sum);
              });
      OutboxStore outbox = new OutboxStore(db);
      DisputeSync sync =
          new DisputeSync(
              paypal,
              db,
              new DisputeStore(db, mapper),
              new Notifier(outbox, mapper, "C0BENCH", null),
              new SyncState(db),
              clock);

      System.out.printf(
          "Dispute Desk sync benchmark: %d disputes in the simulator, SQLite at %s%n%n", n, dir);
      HeapWatch heap = new HeapWatch();
      Measured backfill = measure(sync::poll);
      long peak = heap.stop();
      System.out.printf("1. First-run backfill of %d disputes%n", n);
      report(backfill);
      System.out.printf(
          "   stored %d disputes, queued %d Slack writes (1 summary + cards)%n",
          new DisputeStore(db, mapper).count(), outbox.pendingCount());
      System.out.printf(
          "   heap: %d MiB before (after GC, simulator and its %d disputes included), peak %d MiB"
              + " sampled, %d MiB sum of pool peaks%n%n",
          heap.baseline / MiB, n, peak / MiB, heap.poolPeaks() / MiB);

      List<String> open =
          ids.stream()
              .filter(
                  id -> sim.get(id).path("status").asText().equals("WAITING_FOR_SELLER_RESPONSE"))
              .toList();
      System.out.printf(
          "2. Poll with %d of %d stored disputes changed (%d rounds)%n", CHANGES, n, rounds);
      List<Long> ours = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < CHANGES; i++) {
          sim.addBuyerMessage(open.get(round * CHANGES + i), "Any news? (round " + round + ")");
        }
        Thread.sleep(5);
        Measured poll = measure(sync::poll);
        System.out.printf("   round %d: ", round + 1);
        report(poll);
        ours.add(poll.oursMillis());
      }
      Collections.sort(ours);
      System.out.printf(
          "   median time in our code and the database: %d ms%n", ours.get(ours.size() / 2));
    }
  }

  private record Measured(
      PollResult result, long wallMillis, long paypalMillis, Map<String, Integer> calls) {
    long oursMillis() {
      return wallMillis - paypalMillis;
    }
  }

  private Measured measure(java.util.function.Supplier<PollResult> poll) {
    paypalNanos.set(0);
    calls.clear();
    long start = System.nanoTime();
    PollResult result = poll.get();
    long wall = System.nanoTime() - start;
    if (!result.ok()) {
      throw new IllegalStateException("poll failed: " + result.error());
    }
    return new Measured(
        result, wall / 1_000_000, paypalNanos.get() / 1_000_000, new TreeMap<>(calls));
  }

  private static void report(Measured m) {
    int total = m.calls().values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "%d PayPal calls %s, %d changed, wall %d ms = PayPal HTTP %d ms + our code and database %d ms%n",
        total, m.calls(), m.result().changed(), m.wallMillis(), m.paypalMillis(), m.oursMillis());
  }

  private static final long MiB = 1024 * 1024;

  /** Samples used heap every few milliseconds until stopped; also reads the JVM's pool peaks. */
  private static final class HeapWatch {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
      System.gc();
      baseline = memory.getHeapMemoryUsage().getUsed();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      sampler =
          new Thread(
              () -> {
                while (running) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-watch");
      sampler.setDaemon(true);
      sampler.start();
    }

    long stop() throws InterruptedException {
      running = false;
      sampler.join();
      return peak.get();
    }

    long poolPeaks() {
      return ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed())
          .sum();
    }
  }
}
