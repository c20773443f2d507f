package io.disputedesk.bench;

import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.RunningApp;
import io.disputedesk.Settings;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimSeeds;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sync.PollResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * Our processing of the first poll after a start: the bot is started from cold in a fresh JVM on a
 * store a previous run filled, 5 disputes changed meanwhile, and its first poll is timed as wall
 * time minus the time inside PayPal HTTP exchanges (the client's own measure, read from the bot's
 * {@code /metrics}). The simulator and the Slack fake run in this process; each round starts a new
 * JVM for the bot. Not run by {@code mvn test}; see bench/README.md.
 */
public final class FirstPollAfterStart {
  private static final int CHANGES = 5;
  private static final String RESULT = "FIRST-POLL";
  private static final Pattern SUM =
      Pattern.compile(
          "^dd_paypal_call_seconds_sum\\{operation=\"([^\"]+)\"\\} (\\S+)$", Pattern.MULTILINE);

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--bot")) {
      bot(args[1], args[2], args[3], args[4]);
      return;
    }
    int disputes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Clock clock = Clock.systemUTC();
    Path dir = Files.createTempDirectory("first-poll-bench");
    String dbUrl = "jdbc:sqlite:" + dir.resolve("desk.db");
    try (PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
        LocalSlack slack = LocalSlack.start()) {
      List<String> ids = SimSeeds.historic(sim, disputes, clock, new Random(7));
      System.out.printf(
          Locale.ROOT,
          "First poll after start: %d disputes in PayPal, %d changed before each start;"
              + " %d cores; load average %.2f%n",
          disputes,
          CHANGES,
          Runtime.getRuntime().availableProcessors(),
          loadAverage());
      Map<String, String> first = runBot(sim, slack, dbUrl, 0);
      System.out.printf("  first run (backfill, not counted): %s%n", first);
      List<String> open =
          ids.stream()
              .filter(
                  id -> sim.get(id).path("status").asText().equals("WAITING_FOR_SELLER_RESPONSE"))
              .toList();
      List<Long> ours = new ArrayList<>();
      List<Long> cpu = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < CHANGES; i++) {
          sim.addBuyerMessage(
              open.get((round * CHANGES + i) % open.size()), "Any news? (round " + round + ")");
        }
        Thread.sleep(5);
        Map<String, String> r = runBot(sim, slack, dbUrl, round + 1);
        long mine = Long.parseLong(r.get("ours_ms"));
        ours.add(mine);
        cpu.add(Long.parseLong(r.get("cpu_ms")));
        System.out.printf("  start %d: %s%n", round + 1, r);
      }
      Collections.sort(ours);
      Collections.sort(cpu);
      System.out.printf(
          Locale.ROOT,
          "our processing of the first poll: median %d ms, min %d, max %d (target < 100);"
              + " CPU time of the polling thread: median %d ms; load average after %.2f%n",
          ours.get(ours.size() / 2),
          ours.get(0),
          ours.get(ours.size() - 1),
          cpu.get(cpu.size() / 2),
          loadAverage());
    }
  }

  /** Starts the bot in a fresh JVM, which polls once and reports; returns what it reported. */
  private static Map<String, String> runBot(
      PayPalSimulator sim, LocalSlack slack, String dbUrl, int start)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // "{start}" in the extra arguments becomes the start's number (0 for the backfill), so each
    // start can keep its own recording.
    String extra =
        System.getProperty("bench.botJvmArgs", "").replace("{start}", Integer.toString(start));
    if (!extra.isBlank()) {
      command.addAll(Arrays.asList(extra.trim().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-Xmx512m",
            "-Dfile.encoding=UTF-8",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            System.getProperty("java.class.path"),
            FirstPollAfterStart.class.getName(),
            "--bot",
            sim.baseUrl(),
            slack.apiUrl(),
            slack.botToken(),
            dbUrl));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, String> result = new HashMap<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(RESULT + " ")) {
          for (String kv : line.substring(RESULT.length() + 1).split(" ")) {
            String[] parts = kv.split("=", 2);
            result.put(parts[0], parts[1]);
          }
        } else if (!line.contains("METRICS_TOKEN")) {
          System.out.println("    bot: " + line);
        }
      }
    }
    if (p.waitFor() != 0 || result.isEmpty()) {
      throw new IllegalStateException("the bot's JVM failed (exit " + p.exitValue() + ")");
    }
    return result;
  }

  /** In the bot's JVM: start, poll once at once, report, stop. */
  private static void bot(String paypalUrl, String slackUrl, String botToken, String dbUrl)
      throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", botToken);
    env.put("SLACK_SIGNING_SECRET", "first-poll-bench-secret");
    env.put("SLACK_API_URL", slackUrl);
    env.put("DISPUTES_CHANNEL", "C0BENCH01");
    env.put("PAYPAL_CLIENT_ID", "sim-client-id");
    env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
    env.put("PAYPAL_BASE_URL", paypalUrl);
    env.put("DATABASE_URL", dbUrl);
    env.put("PORT", Integer.toString(freePort()));
    env.put("BIND_ADDRESS", "127.0.0.1");
    long t0 = System.nanoTime();
    // The scheduled first poll is an hour away: the benchmark polls itself, right after the start.
    try (RunningApp app =
        App.start(
            Settings.load(ConfigSource.of(env)),
            Clock.systemUTC(),
            RunOptions.defaults().withFirstPollDelay(Duration.ofHours(1)))) {
      long started = System.nanoTime();
      long readyAt = System.currentTimeMillis();
      long cpuToReady = processCpuNanos() / 1_000_000;
      // The measuring itself (an HTTP client for /metrics, /proc reads) runs once now, so that its
      // class loading and JIT work are over when the poll starts, as they would be in production.
      paypalSeconds(app.port());
      ThreadTimes.now().since(ThreadTimes.now());
      ThreadTimes.self();
      pollThreadId();
      ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      // Polled when the scheduled first poll would be: the default delay after the start, or when
      // the warm-up that runs meanwhile is over, if later (a poll at once would share the cores
      // with it).
      boolean warm = app.awaitWarmup(Duration.ofSeconds(30));
      long warmed = System.nanoTime();
      long due = started + RunOptions.defaults().firstPollDelay().toNanos();
      if (due > warmed) {
        Thread.sleep((due - warmed) / 1_000_000);
      }
      Map<String, Double> before = paypalSeconds(app.port());
      String pollTid = pollThreadId();
      ThreadTimes threadsBefore = ThreadTimes.now();
      PollWindow window = new PollWindow();
      window.begin();
      long[] self0 = ThreadTimes.self();
      long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      PollResult result = app.pollNow();
      long wall = System.nanoTime() - w0;
      // The poll runs on this thread: its CPU time is our work without the waits for a busy
      // machine's cores.
      long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
      long[] self1 = ThreadTimes.self();
      window.commit();
      List<ThreadTimes.Times> threads = ThreadTimes.now().since(threadsBefore);
      Map<String, Double> after = paypalSeconds(app.port());
      if (!result.ok()) {
        throw new IllegalStateException("poll failed: " + result.error());
      }
      double paypal = 0;
      for (Map.Entry<String, Double> e : after.entrySet()) {
        // Only the sync's own calls; order facts are looked up in the background meanwhile.
        if (e.getKey().contains("dispute") || e.getKey().contains("token")) {
          paypal += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
        }
      }
      long wallMs = wall / 1_000_000;
      long paypalMs = Math.round(paypal * 1000);
      System.out.printf(
          Locale.ROOT,
          "%s ours_ms=%d cpu_ms=%d wall_ms=%d paypal_ms=%d changed=%d start_ms=%d"
              + " warmup_after_ready_ms=%s jvm_to_ready_ms=%d jvm_cpu_to_ready_ms=%d"
              + " poll_runq_ms=%s others_cpu_ms=%d threads=%s%n",
          RESULT,
          wallMs - paypalMs,
          cpu / 1_000_000,
          wallMs,
          paypalMs,
          result.changed(),
          (started - t0) / 1_000_000,
          warm ? Long.toString((warmed - started) / 1_000_000) : "failed",
          readyAt - jvmStart,
          cpuToReady,
          self0.length == 0 ? "-" : Long.toString((self1[1] - self0[1]) / 1_000_000),
          othersCpu(threads, pollTid),
          ThreadTimes.describe(threads));
      System.out.flush();
      // Lets the cards the poll queued reach Slack, so the next start does not begin by checking
      // them.
      Thread.sleep(1500);
    }
    System.exit(0);
  }

  /** The polling thread's native id, or "" where Linux's /proc/thread-self is not there. */
  private static String pollThreadId() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  /** The CPU time of every other thread of the bot's JVM during the poll (JIT and GC included). */
  private static long othersCpu(List<ThreadTimes.Times> threads, String pollTid) {
    return threads.stream()
            .filter(t -> !t.tid().equals(pollTid))
            .mapToLong(ThreadTimes.Times::runNanos)
            .sum()
        / 1_000_000;
  }

  /** Marks the timed poll in a flight recording of the bot's JVM (when one runs). */
  @Name("disputedesk.FirstPoll")
  @Label("First poll after start")
  private static final class PollWindow extends Event {}

  private static Map<String, Double> paypalSeconds(int port)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    Map<String, Double> sums = new HashMap<>();
    Matcher m = SUM.matcher(r.body());
    while (m.find()) {
      sums.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return sums;
  }

  /** CPU time of this whole JVM so far (JIT and GC threads too). */
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
