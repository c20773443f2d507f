package io.disputedesk.bench;

import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.RunningApp;
import io.disputedesk.Settings;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.slack.CardStore;
import io.disputedesk.store.Database;
import io.disputedesk.testing.PayPalSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up to ready: seeds a SQLite file with N stored disputes (default 100,000; the newest 3 %
 * open with a card each) unless it exists, then times {@code App.start} until {@code GET /healthz}
 * answers 200, and reads the heap after a full GC once the bot has run its first poll. Every start
 * opens the same file again. Not run by {@code mvn test}; see {@code bench/README.md}.
 */
public final class StartupBenchmark {
  private static final String CHANNEL = "C0DISPUTES";
  private static final String INR = "detail-inquiry-inr-waiting-seller.json";

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path file = Path.of(args.length > 1 ? args[1] : "target/startup-bench-" + n + ".db");
    int starts = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    if (!Files.exists(file)) {
      long seeded = System.nanoTime();
      seed(url, n);
      System.out.printf(
          Locale.ROOT,
          "seeded %,d disputes into %s in %.1f s; run again for a start on a cold JVM"
              + " whose page cache is warm%n",
          n,
          file,
          (System.nanoTime() - seeded) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "%,d stored disputes, %d cores; start 1 is the JVM's first (cold), later ones"
            + " restart in the same JVM (warm); JVM options: %s%n",
        n,
        Runtime.getRuntime().availableProcessors(),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    try (PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(Clock.systemUTC()));
        LocalSlack slack = LocalSlack.start()) {
      slack.addChannel(CHANNEL, "disputes");
      HttpClient http = HttpClient.newHttpClient();
      // The probe stands for an outside health check: its own first request is not the bot's start.
      http.send(
          HttpRequest.newBuilder(URI.create(sim.baseUrl())).build(),
          HttpResponse.BodyHandlers.discarding());
      for (int i = 1; i <= starts; i++) {
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", slack.botToken());
        env.put("SLACK_SIGNING_SECRET", "bench-signing-secret");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("DISPUTES_CHANNEL", CHANNEL);
        env.put("PAYPAL_CLIENT_ID", "sim-client-id");
        env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
        env.put("PAYPAL_BASE_URL", sim.baseUrl());
        env.put("DATABASE_URL", url);
        env.put("PORT", Integer.toString(port));
        // The simulator's start and the seeding check above leave the JIT compilers a backlog;
        // waiting for it keeps their work on this process out of the bot's start.
        long settle = settleJit();
        double load = loadAverage();
        long cpu = processCpuNanos();
        Map<String, Long> vmThreads = vmThreadCpuMillis();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long start = System.nanoTime();
        try (RunningApp app =
            App.start(
                Settings.load(ConfigSource.of(env)), Clock.systemUTC(), RunOptions.defaults())) {
          int unhealthy = awaitHealthy(http, port);
          long ready = (System.nanoTime() - start) / 1_000_000;
          long cpuMillis = (processCpuNanos() - cpu) / 1_000_000;
          Map<String, Long> vmAfter = vmThreadCpuMillis();
          long loaded =
              ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
          app.pollNow();
          Thread.sleep(2000);
          System.gc();
          Thread.sleep(200);
          System.gc();
          long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
          System.out.printf(
              Locale.ROOT,
              "start %d: ready (health 200) in %d ms (CPU %d ms, all threads, of which JIT %d ms,"
                  + " GC %d ms; %,d classes loaded; JIT settled %d ms before; %d answers 503 first);"
                  + " heap after GC %.1f MiB; load average %.2f -> %.2f%n",
              i,
              ready,
              cpuMillis,
              vmAfter.get(JIT) - vmThreads.get(JIT),
              vmAfter.get(GC) - vmThreads.get(GC),
              loaded,
              settle,
              unhealthy,
              heap / 1048576.0,
              load,
              loadAverage());
        }
      }
    }
    System.exit(0);
  }

  /** Stores n disputes through the real store in one transaction (migrations run on first open). */
  private static void seed(String url, int n) {
    Instant now = Instant.now();
    try (Database db = Database.open(url, Clock.systemUTC())) {
      DisputeStore disputes = new DisputeStore(db, Json.newMapper());
      CardStore cards = new CardStore(db);
      db.atomically(
          () -> {
            for (int i = 0; i < n; i++) {
              String id = String.format(Locale.ROOT, "PP-D-%07d", i);
              boolean open = i >= n - n * 3 / 100;
              Instant created =
                  now.minus(Duration.ofMinutes(open ? (n - i) : 30L * 24 * 60 + (n - i) * 7L));
              disputes.upsert(
                  PayPalSamples.dispute(
                      INR,
                      j -> {
                        j.put("dispute_id", id)
                            .put("create_time", created.toString())
                            .put("update_time", created.toString());
                        if (!open) {
                          j.put("status", "RESOLVED");
                        }
                      }));
              if (open) {
                cards.save(id, CHANNEL, created.getEpochSecond() + ".000100", created);
              }
            }
            return null;
          });
    }
  }

  /**
   * Waits until the JIT compilers have had nothing to do for a moment (at most 20 s); returns how
   * long that took.
   */
  private static long settleJit() throws InterruptedException {
    var jit = ManagementFactory.getCompilationMXBean();
    long begin = System.nanoTime();
    long quietSince = begin;
    long last = jit.getTotalCompilationTime();
    while (System.nanoTime() - begin < Duration.ofSeconds(20).toNanos()) {
      Thread.sleep(50);
      long now = jit.getTotalCompilationTime();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= Duration.ofMillis(300).toNanos()) {
        break;
      }
    }
    return (System.nanoTime() - begin) / 1_000_000;
  }

  private static final String JIT = "jit";
  private static final String GC = "gc";

  /**
   * CPU time so far of the JVM's compiler and garbage collector threads (Linux {@code /proc}; zero
   * elsewhere), which the thread MXBean does not list.
   */
  private static Map<String, Long> vmThreadCpuMillis() {
    Map<String, Long> cpu = new HashMap<>(Map.of(JIT, 0L, GC, 0L));
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return cpu;
    }
    try (var dirs = Files.list(tasks)) {
      for (Path task : dirs.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, in clock ticks (100 a second on Linux).
        long millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
          cpu.merge(JIT, millis, Long::sum);
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
          cpu.merge(GC, millis, Long::sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cpu;
  }

  /**
   * Waits for health 200; returns how many 503 answers came first (a store whose last poll is older
   * than three poll intervals and 30 s is unhealthy until the first poll, by design).
   */
  private static int awaitHealthy(HttpClient http, int port) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int unhealthy = 0;
    while (System.nanoTime() < deadline) {
      try {
        int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return unhealthy;
        }
        unhealthy++;
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("never healthy");
  }

  /**
   * CPU time of the whole JVM (JIT and GC threads too): less swayed by other processes than the
   * wall clock.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
