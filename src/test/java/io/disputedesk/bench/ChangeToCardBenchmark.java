package io.disputedesk.bench;

import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.RunningApp;
import io.disputedesk.Settings;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.SenderSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Change to card: the whole bot ({@code App.start}, production pacing, webhooks on) against the
 * PayPal simulator and a local Slack. After the first poll has posted every card, PayPal changes
 * disputes at a steady rate (each change a new disputed amount, every other one with a buyer
 * message, so thread replies compete for the channel) and sends its webhook. The latency of a
 * change is from just before PayPal changed the dispute to the first {@code chat.update} of its
 * card that shows that change or a later one. Not run by {@code mvn test}; see {@code
 * bench/README.md}.
 */
public final class ChangeToCardBenchmark {
  private static final String CHANNEL = "C0DISPUTES";

  record Options(
      int disputes, int perSecond, int seconds, Duration updateInterval, long slowMillis) {
    static Options parse(String[] args) {
      Map<String, String> a = new HashMap<>();
      for (String arg : args) {
        String[] kv = arg.replaceFirst("^--", "").split("=", 2);
        a.put(kv[0], kv.length > 1 ? kv[1] : "true");
      }
      String interval = a.get("update-interval-ms");
      return new Options(
          Integer.parseInt(a.getOrDefault("disputes", "60")),
          Integer.parseInt(a.getOrDefault("rate", "10")),
          Integer.parseInt(a.getOrDefault("seconds", "30")),
          interval == null ? null : Duration.ofMillis(Long.parseLong(interval)),
          Long.parseLong(a.getOrDefault("slow-ms", "500")));
    }
  }

  /** One change PayPal made: the dispute, the amount it now shows, and when. */
  private record Change(String disputeId, String amount, Instant at) {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Options options = Options.parse(args);
    Path dir = Files.createTempDirectory("change-to-card-bench");
    int exit;
    try (PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(Clock.systemUTC()));
        LocalSlack slack = LocalSlack.start()) {
      exit = run(options, dir, sim, slack);
    }
    System.exit(exit);
  }

  private static int run(Options options, Path dir, PayPalSimulator sim, LocalSlack slack)
      throws Exception {
    slack.addChannel(CHANNEL, "disputes");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < options.disputes(); i++) {
      ids.add(
          sim.createDispute(
              SimDisputeSpec.builder()
                  .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                  .amount("50.00", "USD")
                  .build()));
    }
    int port = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_SIGNING_SECRET", "bench-signing-secret");
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("DISPUTES_CHANNEL", CHANNEL);
    env.put("PAYPAL_CLIENT_ID", "sim-client-id");
    env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
    env.put("PAYPAL_BASE_URL", sim.baseUrl());
    env.put("PAYPAL_WEBHOOK_ID", "1JE4291016473214C");
    String jdbcUrl = "jdbc:sqlite:" + dir.resolve("desk.db");
    env.put("DATABASE_URL", jdbcUrl);
    env.put("PORT", Integer.toString(port));
    env.put("POLL_INTERVAL", "PT2M");
    SenderSettings sender = SenderSettings.defaults();
    if (options.updateInterval() != null) {
      sender = sender.withUpdateInterval(options.updateInterval());
    }
    RunOptions runOptions =
        RunOptions.defaults().withSender(sender).withFirstPollDelay(Duration.ofHours(1));
    try (RunningApp app =
        App.start(Settings.load(ConfigSource.of(env)), Clock.systemUTC(), runOptions)) {
      System.out.printf(
          Locale.ROOT,
          "%d disputes, %d changes/s for %d s, %d cores, load average %.2f%n",
          ids.size(),
          options.perSecond(),
          options.seconds(),
          Runtime.getRuntime().availableProcessors(),
          loadAverage());
      app.pollNow();
      long importStart = System.nanoTime();
      awaitCards(slack, ids.size(), Duration.ofSeconds(ids.size() * 3L + 30));
      System.out.printf(
          Locale.ROOT,
          "first poll posted %d cards in %.1f s (paced about one a second)%n",
          ids.size(),
          (System.nanoTime() - importStart) / 1e9);
      Thread.sleep(3000);
      Map<String, String> disputeOfTs = new HashMap<>();
      for (SlackMessage m : slack.messages(CHANNEL)) {
        disputeOfTs.put(m.ts(), m.metadata().eventPayload().path("dispute_id").asText());
      }
      slack.clearCalls();
      String url = "http://127.0.0.1:" + port + "/paypal/webhooks";
      List<Change> changes;
      try (OutboxWatch watch =
          OutboxWatch.start(jdbcUrl, sender.lease(), Duration.ofMillis(WATCH_EVERY_MILLIS))) {
        changes = emit(options, ids, sim, url);
        System.out.printf(Locale.ROOT, "load average after the changes: %.2f%n", loadAverage());
        Thread.sleep(Duration.ofSeconds(15).toMillis());
        readStage(changes, sim.requestsTo("get"));
        List<ChangeToCardStages.Resolved> resolved = new ArrayList<>();
        int exit = report(changes, slack.calls("chat.update"), disputeOfTs, slack, resolved);
        ChangeToCardStages.print(
            resolved,
            sim.requestsTo("get"),
            slack.calls("chat.update"),
            jdbcUrl,
            watch,
            options.slowMillis());
        return exit;
      }
    }
  }

  private static final AtomicInteger refused = new AtomicInteger();

  /** How often the benchmark looks at the outbox for claimed CARD rows (stage timing). */
  private static final long WATCH_EVERY_MILLIS = 5;

  /**
   * Changes one dispute every {@code 1/rate} s, round robin over the disputes, each followed by its
   * webhook.
   */
  private static List<Change> emit(
      Options options, List<String> ids, PayPalSimulator sim, String url)
      throws InterruptedException {
    List<Change> changes = Collections.synchronizedList(new ArrayList<>());
    ExecutorService webhooks = Executors.newFixedThreadPool(8);
    Map<String, Integer> seq = new ConcurrentHashMap<>();
    int total = options.perSecond() * options.seconds();
    long gap = 1_000_000_000L / options.perSecond();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * gap;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String id = ids.get(i % ids.size());
      int k = seq.merge(id, 1, Integer::sum);
      boolean withMessage = i % 2 == 0;
      webhooks.execute(
          () -> {
            BigDecimal amount =
                new BigDecimal(100 + k / 100 + "." + String.format(Locale.ROOT, "%02d", k % 100));
            Instant at = Instant.now();
            synchronized (id.intern()) {
              sim.changeDisputedAmount(id, amount);
              if (withMessage) {
                sim.addBuyerMessage(id, "Any news? (" + k + ")");
              }
            }
            changes.add(new Change(id, amount.toPlainString(), at));
            int status = sim.sendWebhook(url, "CUSTOMER.DISPUTE.UPDATED", id);
            if (status != 200) {
              refused.incrementAndGet();
            }
          });
    }
    webhooks.shutdown();
    webhooks.awaitTermination(1, TimeUnit.MINUTES);
    return changes;
  }

  /**
   * The first stage: from the change to the bot reading the dispute from PayPal (webhook,
   * verification, queue).
   */
  private static void readStage(List<Change> changes, List<SimRequest> reads) {
    List<Long> millis = new ArrayList<>();
    for (Change c : changes) {
      reads.stream()
          .filter(r -> r.pathAndQuery().contains(c.disputeId()) && !r.receivedAt().isBefore(c.at()))
          .map(SimRequest::receivedAt)
          .min(Instant::compareTo)
          .ifPresent(at -> millis.add(Duration.between(c.at(), at).toMillis()));
    }
    Collections.sort(millis);
    if (!millis.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "  of which change to the bot reading the dispute from PayPal: p50 %d ms,"
              + " p99 %d ms%n",
          pct(millis, 50),
          pct(millis, 99));
    }
  }

  private static int report(
      List<Change> changes,
      List<ApiCall> updates,
      Map<String, String> disputeOfTs,
      LocalSlack slack,
      List<ChangeToCardStages.Resolved> resolved) {
    List<ApiCall> sorted = new ArrayList<>(updates);
    sorted.sort((a, b) -> a.at().compareTo(b.at()));
    Map<String, List<Change>> byDispute = new HashMap<>();
    for (Change c : changes) {
      byDispute.computeIfAbsent(c.disputeId(), k -> new ArrayList<>()).add(c);
    }
    byDispute.values().forEach(l -> l.sort((a, b) -> a.at().compareTo(b.at())));
    Map<String, Integer> resolvedUpTo = new HashMap<>();
    List<Long> latencies = new ArrayList<>();
    for (ApiCall update : sorted) {
      String id = disputeOfTs.get(update.param("ts"));
      List<Change> mine = id == null ? List.of() : byDispute.getOrDefault(id, List.of());
      String blocks = String.valueOf(update.param("blocks"));
      int shown = -1;
      for (int i = mine.size() - 1; i >= 0; i--) {
        if (blocks.contains("\"" + mine.get(i).amount() + " USD")) {
          shown = i;
          break;
        }
      }
      int from = resolvedUpTo.getOrDefault(id, 0);
      for (int i = from; i <= shown; i++) {
        latencies.add(Duration.between(mine.get(i).at(), update.at()).toMillis());
        resolved.add(new ChangeToCardStages.Resolved(id, mine.get(i).at(), update));
      }
      if (shown >= from) {
        resolvedUpTo.put(id, shown + 1);
      }
    }
    Collections.sort(latencies);
    int missing = changes.size() - latencies.size();
    long posts = slack.calls("chat.postMessage").size();
    System.out.printf(
        Locale.ROOT,
        "%d changes, %d webhooks refused, %d never reached their card;"
            + " %d chat.update and %d chat.postMessage calls%n",
        changes.size(),
        refused.get(),
        missing,
        updates.size(),
        posts);
    if (latencies.isEmpty()) {
      System.out.println("no change reached its card");
      return 1;
    }
    System.out.printf(
        Locale.ROOT,
        "change to card: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (load average %.2f)%n",
        pct(latencies, 50),
        pct(latencies, 90),
        pct(latencies, 99),
        latencies.get(latencies.size() - 1),
        loadAverage());
    return missing == 0 ? 0 : 1;
  }

  private static void awaitCards(LocalSlack slack, int n, Duration max)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (slack.messages(CHANNEL).size() < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + slack.messages(CHANNEL).size() + " of " + n + " cards posted");
      }
      Thread.sleep(100);
    }
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
  }

  static double loadAverage() {
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
