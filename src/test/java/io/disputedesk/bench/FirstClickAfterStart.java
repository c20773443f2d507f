package io.disputedesk.bench;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.People;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import java.io.BufferedReader;
import java.io.File;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first clicks on a freshly started bot: the bot ({@code io.disputedesk.App}, its production
 * entry point and timings) starts in a fresh JVM on a store a previous run filled, and as soon as
 * {@code /healthz} answers 200, 5 people click card buttons that open forms, one every 200 ms. Each
 * click's acknowledgement is timed by its client; the bot opens the form (Slack's {@code
 * views.open}, which takes the click's trigger id only for 3 s) before it acks. Several builds can
 * be compared in one run, start by start in alternating order: each argument after the number of
 * starts is {@code name=classesDir}, the bot's compiled classes (default: this build's). Not run by
 * {@code mvn test}; see bench/README.md.
 */
public final class FirstClickAfterStart {
  private static final int CLICKS = 5;
  private static final Duration SPACING = Duration.ofMillis(200);
  private static final Pattern WARMED = Pattern.compile("Warmed up in (\\d+) ms");

  /** A build of the bot: its name and the classpath its JVM runs with. */
  private record Build(String name, String classpath) {}

  /** What one start gave: each click's ack in ms (in click order), forms opened, log findings. */
  private record Start(
      List<Long> acks,
      int opened,
      int expired,
      String warmup,
      long readyMs,
      double load,
      long warmupFirstCpuMs,
      String threads) {}

  private final DeskDriver desk;
  private final List<String> people;
  private final List<String> disputes;
  private final String databaseUrl;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ExecutorService clients = Executors.newFixedThreadPool(CLICKS);
  private int stamp;

  private FirstClickAfterStart(
      DeskDriver desk, List<String> people, List<String> disputes, String databaseUrl) {
    this.desk = desk;
    this.people = people;
    this.disputes = disputes;
    this.databaseUrl = databaseUrl;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int starts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Build> builds = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String[] nameDir = args[i].split("=", 2);
      builds.add(new Build(nameDir[0], botClasspath(nameDir[1])));
    }
    if (builds.isEmpty()) {
      builds.add(new Build("this", botClasspath(null)));
    }
    List<String> people = new ArrayList<>();
    for (int i = 1; i <= CLICKS; i++) {
      people.add(String.format(Locale.ROOT, "UFIRST%04d", i));
    }
    Path dir = Files.createTempDirectory("first-click-bench");
    try (BotDesk bots = new BotDesk(dir, DeskOptions.forActions().roles(people, List.of(), null))) {
      // A first run in this JVM stores the disputes and posts their cards, and opens a form for
      // each person, so that this side's HTTP client and the Slack fake are warm before any start.
      DeskDriver desk = DeskDriver.on(bots, bots.start());
      List<String> disputes = new ArrayList<>();
      for (int i = 0; i < CLICKS; i++) {
        disputes.add(
            desk.dispute(
                SimDisputeSpec.builder()
                    .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                    .amount("80.00", "USD")
                    .offerTypes("REFUND")));
        desk.openForm(button(i), disputes.get(i), people.get(i));
        desk.slack.closeViews(people.get(i));
      }
      desk.stopApp();
      new FirstClickAfterStart(desk, people, disputes, bots.databaseUrl()).run(starts, builds);
    }
    System.exit(0);
  }

  private void run(int starts, List<Build> builds) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "First clicks after start: %d clicks that open forms, one every %d ms from the first"
            + " /healthz 200; %d starts per build; %d cores; load average %s%n",
        CLICKS,
        SPACING.toMillis(),
        starts,
        Runtime.getRuntime().availableProcessors(),
        loadAverages());
    Map<String, List<Start>> results = new LinkedHashMap<>();
    for (int round = 0; round < starts; round++) {
      List<Build> order = new ArrayList<>(builds);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (Build build : order) {
        Start s = start(build);
        results.computeIfAbsent(build.name(), k -> new ArrayList<>()).add(s);
        System.out.printf(
            Locale.ROOT,
            "  %-8s start %d: acks %s ms, forms opened %d/%d, expired triggers %d, ready after %d"
                + " ms, warm-up %s (its CPU during the first click %d ms); load average %.2f%n"
                + "      bot threads during the clicks, ms on a core/waiting: %s%n",
            build.name(),
            round + 1,
            s.acks(),
            s.opened(),
            CLICKS,
            s.expired(),
            s.readyMs(),
            s.warmup(),
            s.warmupFirstCpuMs(),
            s.load(),
            s.threads());
      }
    }
    System.out.printf("%nload average after: %s%n", loadAverages());
    for (Map.Entry<String, List<Start>> e : results.entrySet()) {
      List<Long> first = new ArrayList<>();
      List<Long> all = new ArrayList<>();
      List<Long> warmupFirstCpu = new ArrayList<>();
      int missing = 0;
      int expired = 0;
      for (Start s : e.getValue()) {
        first.add(s.acks().get(0));
        warmupFirstCpu.add(s.warmupFirstCpuMs());
        all.addAll(s.acks());
        missing += CLICKS - s.opened();
        expired += s.expired();
      }
      Collections.sort(first);
      Collections.sort(all);
      Collections.sort(warmupFirstCpu);
      System.out.printf(
          Locale.ROOT,
          "%-8s first click: median %d ms, max %d; all %d clicks: median %d ms, max %d;"
              + " forms not opened %d, expired triggers %d; warm-up CPU during the first click:"
              + " median %d ms%n",
          e.getKey(),
          first.get(first.size() / 2),
          first.get(first.size() - 1),
          all.size(),
          all.get(all.size() / 2),
          all.get(all.size() - 1),
          missing,
          expired,
          warmupFirstCpu.get(warmupFirstCpu.size() / 2));
    }
  }

  /** One start of {@code build} in a fresh JVM, its clicks, and its stop. */
  private Start start(Build build) throws Exception {
    int port = freePort();
    List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx512m",
            "-Dfile.encoding=UTF-8",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.io.disputedesk.Warmup=info",
            "-cp",
            build.classpath(),
            "io.disputedesk.App");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env(port));
    long launched = System.nanoTime();
    Process p = pb.start();
    List<String> log = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> readLines(p, log), "bot-log");
    reader.setDaemon(true);
    reader.start();
    try {
      awaitHealthy(port, p);
      long ready = System.nanoTime();
      ThreadTimes before = ThreadTimes.of(p.toHandle());
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      SignedPost post =
          new SignedPost(
              http,
              URI.create("http://127.0.0.1:" + port + "/slack/events"),
              new SlackSigner(BotDesk.SIGNING_SECRET));
      List<CompletableFuture<Long>> acks = new ArrayList<>();
      CompletableFuture<ThreadTimes> firstAcked = null;
      for (int i = 0; i < CLICKS; i++) {
        long due = ready + i * SPACING.toNanos();
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        int n = i;
        acks.add(CompletableFuture.supplyAsync(() -> click(post, n), clients));
        if (i == 0) {
          firstAcked = acks.get(0).thenApply(t -> ThreadTimes.of(p.toHandle()));
        }
      }
      List<Long> times = new ArrayList<>();
      for (CompletableFuture<Long> ack : acks) {
        times.add(ack.get(30, TimeUnit.SECONDS));
      }
      // Where the bot's CPU time went while the clicks were answered (JIT and GC threads too; a
      // thread that ended meanwhile is not listed).
      List<ThreadTimes.Times> during = ThreadTimes.of(p.toHandle()).since(before);
      int opened = 0;
      for (String person : people) {
        opened += desk.slack.openViews(person).isEmpty() ? 0 : 1;
        desk.slack.closeViews(person);
      }
      // The warm-up's own time is printed too: the one that yields to the clicks ends later.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (warmup(log).equals("not over") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      stop(p);
      reader.join(5000);
      return new Start(
          times,
          opened,
          (int) log.stream().filter(l -> l.contains("expired_trigger_id")).count(),
          warmup(log),
          (ready - launched) / 1_000_000,
          load,
          warmupMs(firstAcked.get().since(before)),
          ThreadTimes.describe(during.stream().limit(6).toList()));
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  /** A signed click by person {@code i} on its dispute's card, with a trigger issued now. */
  private long click(SignedPost post, int i) {
    String person = people.get(i);
    String dispute = disputes.get(i);
    String ts = desk.cardTs(dispute);
    String actionTs;
    synchronized (this) {
      actionTs = String.format(Locale.ROOT, "1732700042.%06d", ++stamp);
    }
    var body =
        SlackRequests.blockAction(button(i))
            .value(dispute)
            .user(person, People.nameOf(person))
            .triggerId(desk.slack.issueTrigger(person))
            .actionTs(actionTs)
            .inMessage(
                DeskDriver.CHANNEL, ts, desk.slack.hooksUrlFor(DeskDriver.CHANNEL, ts, person))
            .body();
    long t0 = System.nanoTime();
    SignedPost.Reply reply = post.send(body);
    long took = (System.nanoTime() - t0) / 1_000_000;
    if (reply.status() != 200) {
      throw new IllegalStateException("click answered " + reply.status() + ": " + reply.body());
    }
    return took;
  }

  /** The warm-up thread's time on a core, or -1 when it ended before the second snapshot. */
  private static long warmupMs(List<ThreadTimes.Times> threads) {
    return threads.stream()
        .filter(t -> t.name().startsWith("dd-warmup"))
        .mapToLong(t -> t.runNanos() / 1_000_000)
        .findFirst()
        .orElse(-1);
  }

  /** Mostly Send message, one Make offer and one Provide evidence, as in the burst benchmark. */
  private static String button(int i) {
    return switch (i % 5) {
      case 0 -> CardAction.MAKE_OFFER.buttonId();
      case 1 -> CardAction.PROVIDE_EVIDENCE.buttonId();
      default -> CardAction.SEND_MESSAGE.buttonId();
    };
  }

  /** The settings the in-process first run had, on {@code port}, as a deployment passes them. */
  private Map<String, String> env(int port) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SLACK_BOT_TOKEN", desk.slack.botToken());
    env.put("SLACK_SIGNING_SECRET", BotDesk.SIGNING_SECRET);
    env.put("SLACK_API_URL", desk.slack.apiUrl());
    env.put("DISPUTES_CHANNEL", DeskDriver.CHANNEL);
    env.put("PAYPAL_CLIENT_ID", "sim-client-id");
    env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
    env.put("PAYPAL_BASE_URL", desk.sim.baseUrl());
    env.put("DATABASE_URL", databaseUrl);
    env.put("APPROVERS", String.join(",", people));
    env.put("PORT", Integer.toString(port));
    env.put("BIND_ADDRESS", "127.0.0.1");
    return env;
  }

  private void awaitHealthy(int port, Process p) throws IOException, InterruptedException {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the bot's JVM ended (exit " + p.exitValue() + ")");
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the bot was not healthy within 120 s");
  }

  /** SIGTERM, as a deploy stops it: the shutdown hook closes the bot. */
  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
    }
  }

  private static void readLines(Process p, List<String> into) {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        into.add(line);
        if (!line.contains("METRICS_TOKEN") && !WARMED.matcher(line).find()) {
          System.out.println("    bot: " + line);
        }
      }
    } catch (IOException e) {
      // The JVM ended.
    }
  }

  private static String warmup(List<String> log) {
    for (String line : log) {
      Matcher m = WARMED.matcher(line);
      if (m.find()) {
        return m.group(1) + " ms";
      }
    }
    return "not over";
  }

  /**
   * The bot's classpath: this JVM's without the test classes, with {@code classes} (a build's
   * compiled main classes) in place of this build's when given.
   */
  private static String botClasspath(String classes) {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith("test-classes")) {
        continue;
      }
      boolean main = entry.endsWith("target/classes") || entry.endsWith("target/classes/");
      entries.add(main && classes != null ? classes : entry);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String loadAverages() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
