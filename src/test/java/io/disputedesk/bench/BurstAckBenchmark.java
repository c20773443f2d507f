package io.disputedesk.bench;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.slack.actions.ModalFields;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.People;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import io.disputedesk.testing.StateValues;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's acknowledgements under a burst, against a floor: 50 card clicks that open forms and 20
 * form submissions, all released at once (PayPal answering actions after 2 s), sent to the whole
 * bot ({@code App.start}) and, in the same run and under the same burst, to {@link FloorBoltApp}, a
 * bare Bolt app behind the same front door that only opens a one-field form. Prints p50/p99 of each
 * and their ratio, with the load average. Not run by {@code mvn test}; see bench/README.md.
 */
public final class BurstAckBenchmark {
  private static final int CLICKS = 50;
  private static final int SUBMISSIONS = 20;
  private static final int HTTP_THREADS = 8;

  private final DeskDriver desk;
  private final boolean changed;
  private final FloorBoltApp floor;
  private final SignedPost floorPost;
  private final List<String> users = new ArrayList<>();
  private final List<String> disputes = new ArrayList<>();
  private final ExecutorService clients =
      Executors.newFixedThreadPool(
          CLICKS + SUBMISSIONS,
          r -> {
            Thread t = new Thread(r, "burst-client");
            t.setDaemon(true);
            return t;
          });

  /** The JIT counts as settled at or under 5 ticks (50 ms) of compiler CPU in a bot burst. */
  private static final int SETTLED_COMPILER_TICKS = 5;

  private final AtomicInteger clickStamp = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger staleConnections = new AtomicInteger();

  private BurstAckBenchmark(DeskDriver desk, FloorBoltApp floor, boolean changed) {
    this.desk = desk;
    this.changed = changed;
    this.floor = floor;
    this.floorPost = new SignedPost(floor.uri(), new SlackSigner(BotDesk.SIGNING_SECRET));
  }

  public static void main(String[] args) throws Exception {
    // The fakes run on the JDK's HTTP server; without this every fake answer waits ~40 ms on Nagle.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // 20 warm-up rounds: after 5 the JIT still compiled the bot's code during the measured bursts
    // (bench/README.md, stop 13), which a bot running for days no longer does.
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    // "changed": before each of the bot's bursts every clicked dispute changes in PayPal and is
    // read again, so
    // no click finds its form already built; by default the same disputes are clicked round after
    // round.
    boolean changed = args.length > 2 && args[2].equals("changed");
    List<String> people = new ArrayList<>();
    for (int i = 1; i <= CLICKS + SUBMISSIONS; i++) {
      people.add(String.format(Locale.ROOT, "UBURST%04d", i));
    }
    DeskOptions settings =
        DeskOptions.forActions().roles(people, List.of(), null).actions(Duration.ofSeconds(30), 64);
    Path dir = Files.createTempDirectory("burst-ack-bench");
    int exit;
    try (BotDesk bots = new BotDesk(dir, settings);
        FloorBoltApp floor =
            FloorBoltApp.start(
                bots.slack.apiUrl(), bots.slack.botToken(), BotDesk.SIGNING_SECRET, HTTP_THREADS)) {
      DeskDriver desk = DeskDriver.on(bots, bots.start());
      BurstAckBenchmark bench = new BurstAckBenchmark(desk, floor, changed);
      bench.users.addAll(people);
      exit = bench.run(warmup, rounds);
      bench.clients.shutdownNow();
    }
    System.exit(exit);
  }

  private int run(int warmup, int rounds) throws Exception {
    for (int i = 0; i < CLICKS; i++) {
      disputes.add(
          desk.dispute(
              SimDisputeSpec.builder()
                  .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                  .amount("80.00", "USD")
                  .offerTypes("REFUND")));
    }
    desk.sim.delayActions(Duration.ofSeconds(2));
    System.out.printf(
        Locale.ROOT,
        "Burst: %d clicks that open forms + %d form submissions at once, PayPal actions"
            + " answer after 2 s; %d warm-up rounds, %d measured; clicked disputes %s; %d cores; load average %.2f%n",
        CLICKS,
        SUBMISSIONS,
        warmup,
        rounds,
        changed ? "changed before each burst" : "unchanged between bursts",
        Runtime.getRuntime().availableProcessors(),
        loadAverage());
    if (Boolean.getBoolean("bench.windows")) {
      // To tell the fakes' and the floor's connections apart (e.g. in `ss` output) from the bot's.
      System.out.printf(
          "ports: Slack fake %s, PayPal fake %s, floor %s%n",
          desk.slack.apiUrl(), desk.sim.baseUrl(), floor.uri());
    }
    Map<String, List<Long>> ours = new HashMap<>();
    Map<String, List<Long>> floors = new HashMap<>();
    // Warm-up lasts at least `warmup` rounds, and then until the JIT has settled: three rounds in a
    // row whose bot burst had at most SETTLED_COMPILER_TICKS of the compiler threads' CPU. Some
    // runs still compiled the bot's code for 160-190 ms within single bursts after 20 rounds
    // (stop 15, bench/README.md), which a bot running for days no longer does.
    int warmed = 0;
    int quietRounds = 0;
    int round = 0;
    for (int measuredRounds = 0; measuredRounds < rounds; round++) {
      boolean measured = warmed >= warmup && quietRounds >= 3 || warmed >= warmup * 3;
      Map<String, List<Long>> bot;
      // Alternate who goes first, so neither always meets the other's leftovers.
      if (round % 2 == 0) {
        bot = productBurst();
        record(measured, floors, floorBurst());
      } else {
        record(measured, floors, floorBurst());
        bot = productBurst();
      }
      record(measured, ours, bot);
      if (measured) {
        measuredRounds++;
      } else {
        warmed++;
        quietRounds =
            bot.get("ticks compiler").get(0) <= SETTLED_COMPILER_TICKS ? quietRounds + 1 : 0;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "warm-up rounds run: %d (at least %d, then until 3 in a row had at most %d ms of JIT"
            + " compiler CPU in the bot's burst, at most %d)%n",
        warmed,
        warmup,
        SETTLED_COMPILER_TICKS * 10,
        warmup * 3);
    double loadAfter = loadAverage();
    System.out.printf(
        Locale.ROOT,
        "%n%-22s %6s %9s %9s %9s%n",
        "acknowledgements",
        "count",
        "p50 ms",
        "p99 ms",
        "max ms");
    for (String kind : List.of("click", "submit", "all")) {
      line("Dispute Desk " + kind, ours.get(kind));
      line("floor " + kind, floors.get(kind));
    }
    // Each round's two bursts ran one after the other, under about the same load: their ratios,
    // median over rounds.
    System.out.printf(
        Locale.ROOT,
        "per round, median of bot / floor: p50 %.2f, p99 %.2f; CPU ms per burst, median:"
            + " front door %.1f / %.1f (ratio %.2f), other threads %.1f / %.1f%n",
        pairedRatio(ours, floors, "burst p50"),
        pairedRatio(ours, floors, "burst p99"),
        ms(median(ours.get("cpu front door"))),
        ms(median(floors.get("cpu front door"))),
        pairedRatio(ours, floors, "cpu front door"),
        ms(median(ours.get("cpu rest"))),
        ms(median(floors.get("cpu rest"))));
    // What the bursts allocated (what makes the collector run, and then pause everything):
    // median MB.
    System.out.printf(
        Locale.ROOT,
        "MB allocated per burst, median: front door %.1f / %.1f, other threads %.1f / %.1f%n",
        median(ours.get("bytes front door")) / 1e6,
        median(floors.get("bytes front door")) / 1e6,
        median(ours.get("bytes rest")) / 1e6,
        median(floors.get("bytes rest")) / 1e6);
    System.out.printf(
        Locale.ROOT,
        "bytes, median: views.open request %d / %d, click ack %d / %d, submission ack %d / %d%n",
        median(ours.get("views.open bytes")),
        median(floors.get("views.open bytes")),
        median(ours.get("ack bytes click")),
        median(floors.get("ack bytes click")),
        median(ours.get("ack bytes submit")),
        median(floors.get("ack bytes submit")));
    System.out.printf(
        Locale.ROOT,
        "JIT during the measured bursts: compilation ms (CompilationMXBean) bot %d, floor %d;"
            + " compiler threads' CPU ms bot %d, floor %d; collector threads' CPU ms bot %d, floor %d%n",
        sum(ours.get("jit ms")),
        sum(floors.get("jit ms")),
        sum(ours.get("ticks compiler")) * 10,
        sum(floors.get("ticks compiler")) * 10,
        sum(ours.get("ticks gc")) * 10,
        sum(floors.get("ticks gc")) * 10);
    System.out.printf(
        Locale.ROOT,
        "collections during the measured bursts: bot %d (%d ms), floor %d (%d ms)%n",
        sum(ours.get("gc count")),
        sum(ours.get("gc ms")),
        sum(floors.get("gc count")),
        sum(floors.get("gc ms")));
    if (Boolean.getBoolean("bench.windows")) {
      // Where the other threads' CPU time went, summed over the measured bursts.
      for (String side : List.of("bot", "floor")) {
        Map<String, List<Long>> m = side.equals("bot") ? ours : floors;
        m.entrySet().stream()
            .filter(e -> e.getKey().startsWith("cpu of "))
            .sorted((x, y) -> Long.compare(sum(y.getValue()), sum(x.getValue())))
            .limit(10)
            .forEach(
                e ->
                    System.out.printf(
                        Locale.ROOT,
                        "  %s bursts, %s: %.1f ms%n",
                        side,
                        e.getKey().substring(7),
                        ms(sum(e.getValue()))));
      }
    }
    List<Long> a = sorted(ours.get("all"));
    List<Long> f = sorted(floors.get("all"));
    double p50 = ms(pct(a, 50)) / ms(pct(f, 50));
    double p99 = ms(pct(a, 99)) / ms(pct(f, 99));
    System.out.printf(
        Locale.ROOT,
        "ratio Dispute Desk / floor: p50 %.2f, p99 %.2f (target 1.3); non-200 answers %d;"
            + " requests sent again on a fresh connection %d; load average after %.2f%n",
        p50,
        p99,
        errors.get(),
        staleConnections.get(),
        loadAfter);
    return errors.get() == 0 ? 0 : 1;
  }

  private static void record(
      boolean measured, Map<String, List<Long>> into, Map<String, List<Long>> burst) {
    if (measured) {
      burst.forEach(
          (kind, values) -> into.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(values));
    }
  }

  /**
   * The bot: submissions of forms opened beforehand (not timed), then the burst once all is quiet.
   */
  private Map<String, List<Long>> productBurst() throws Exception {
    List<SlackBody> submissions = new ArrayList<>();
    for (int j = 0; j < SUBMISSIONS; j++) {
      String user = users.get(CLICKS + j);
      desk.slack.closeViews(user);
      SlackView form = openForm(disputes.get(j), user);
      desk.slack.closeViews(user);
      submissions.add(
          desk.submission(
                  form,
                  user,
                  new StateValues()
                      .plainText(
                          ModalFields.MESSAGE,
                          ModalFields.MESSAGE,
                          "Burst message " + clickStamp.incrementAndGet()))
              .body());
    }
    if (changed) {
      for (String dispute : disputes) {
        desk.sim.addBuyerMessage(dispute, "Any news? " + clickStamp.incrementAndGet());
        desk.importDispute(dispute);
      }
    }
    desk.settle();
    int opened = desk.slack.calls("views.open").size();
    Map<String, List<Long>> out = burst(desk.post, clicks(), submissions);
    int formsOpened = desk.slack.calls("views.open").size() - opened;
    if (formsOpened != CLICKS) {
      System.out.printf("  warning: %d of %d clicks opened a form%n", formsOpened, CLICKS);
    }
    out.put("views.open bytes", openedBytes(opened));
    desk.settle();
    return out;
  }

  /**
   * A Send message form opened (not timed); once again on a fresh connection when the kept-alive
   * one was closed as idle (a round can outlast the front door's idle timeout on a busy machine).
   */
  private SlackView openForm(String dispute, String user) {
    try {
      return desk.openForm(CardAction.SEND_MESSAGE.buttonId(), dispute, user);
    } catch (UncheckedIOException e) {
      staleConnections.incrementAndGet();
      desk.slack.closeViews(user);
      return desk.openForm(CardAction.SEND_MESSAGE.buttonId(), dispute, user);
    }
  }

  /**
   * The floor under the same burst: the same clicks (fresh trigger ids) and the same submission
   * bodies.
   */
  private Map<String, List<Long>> floorBurst() throws Exception {
    List<SlackBody> submissions = new ArrayList<>();
    for (int j = 0; j < SUBMISSIONS; j++) {
      String user = users.get(CLICKS + j);
      submissions.add(
          SlackRequests.viewSubmission(CardAction.SEND_MESSAGE.viewId())
              .viewId("VFLOOR" + j)
              .privateMetadata("{\"d\":\"" + disputes.get(j) + "\"}")
              .user(user, People.nameOf(user))
              .state(
                  new StateValues()
                      .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, "Burst message"))
              .body());
    }
    int opened = desk.slack.calls("views.open").size();
    Map<String, List<Long>> out = burst(floorPost, clicks(), submissions);
    out.put("views.open bytes", openedBytes(opened));
    return out;
  }

  /** The sizes of the views.open request bodies Slack received after the first {@code skip}. */
  private List<Long> openedBytes(int skip) {
    List<ApiCall> calls = desk.slack.calls("views.open");
    List<Long> sizes = new ArrayList<>();
    for (ApiCall call : calls.subList(skip, calls.size())) {
      sizes.add((long) call.rawBody().length());
    }
    return sizes;
  }

  /**
   * One click per clicker, on its own dispute: mostly Send message, some Make offer and Provide
   * evidence.
   */
  private List<SlackBody> clicks() {
    List<SlackBody> bodies = new ArrayList<>();
    for (int i = 0; i < CLICKS; i++) {
      String user = users.get(i);
      desk.slack.closeViews(user);
      String action =
          switch (i % 5) {
            case 0 -> CardAction.MAKE_OFFER.buttonId();
            case 1 -> CardAction.PROVIDE_EVIDENCE.buttonId();
            default -> CardAction.SEND_MESSAGE.buttonId();
          };
      String dispute = disputes.get(i);
      bodies.add(
          SlackRequests.blockAction(action)
              .value(dispute)
              .user(user, People.nameOf(user))
              .triggerId(desk.slack.issueTrigger(user))
              .actionTs(
                  "1732700042." + String.format(Locale.ROOT, "%06d", clickStamp.incrementAndGet()))
              .inMessage(
                  DeskDriver.CHANNEL,
                  desk.cardTs(dispute),
                  desk.slack.hooksUrlFor(DeskDriver.CHANNEL, desk.cardTs(dispute), user))
              .body());
    }
    return bodies;
  }

  /** Releases every request at once and returns each one's client-measured round trip by kind. */
  private Map<String, List<Long>> burst(
      SignedPost post, List<SlackBody> clicks, List<SlackBody> submissions) throws Exception {
    CountDownLatch ready = new CountDownLatch(clicks.size() + submissions.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<long[]>> timings = new ArrayList<>();
    List<SlackBody> all = new ArrayList<>(clicks);
    all.addAll(submissions);
    for (int i = 0; i < all.size(); i++) {
      SlackBody body = all.get(i);
      long kind = i < clicks.size() ? 0 : 1;
      timings.add(
          clients.submit(
              () -> {
                ready.countDown();
                go.await();
                long t0 = System.nanoTime();
                SignedPost.Reply reply;
                try {
                  reply = post.send(body);
                } catch (UncheckedIOException e) {
                  // A kept-alive connection the server closed as idle between rounds: sent again,
                  // timed from there.
                  staleConnections.incrementAndGet();
                  t0 = System.nanoTime();
                  reply = post.send(body);
                }
                long took = System.nanoTime() - t0;
                if (reply.status() != 200) {
                  errors.incrementAndGet();
                }
                return new long[] {kind, took, reply.body().length()};
              }));
    }
    ready.await();
    Map<Long, long[]> cpuBefore = cpuByThread();
    long[] gcBefore = collections();
    long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    Map<String, Long> nativeBefore = nativeThreadTicks();
    long startedAt = System.currentTimeMillis();
    go.countDown();
    Map<String, List<Long>> out = new HashMap<>();
    for (Future<long[]> f : timings) {
      long[] t = f.get();
      out.computeIfAbsent(t[0] == 0 ? "click" : "submit", k -> new ArrayList<>()).add(t[1]);
      out.computeIfAbsent("all", k -> new ArrayList<>()).add(t[1]);
      out.computeIfAbsent(
              t[0] == 0 ? "ack bytes click" : "ack bytes submit", k -> new ArrayList<>())
          .add(t[2]);
    }
    if (Boolean.getBoolean("bench.windows")) {
      // For a profile of the run: when each burst was under way (a JFR recording's samples can be
      // cut to these).
      System.out.printf(
          Locale.ROOT,
          "window %s %d %d%n",
          post == floorPost ? "floor" : "bot",
          startedAt,
          System.currentTimeMillis());
    }
    cpuDuring(cpuBefore, out);
    long[] gcAfter = collections();
    out.put("gc count", List.of(gcAfter[0] - gcBefore[0]));
    out.put("gc ms", List.of(gcAfter[1] - gcBefore[1]));
    out.put(
        "jit ms",
        List.of(ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore));
    Map<String, Long> nativeAfter = nativeThreadTicks();
    for (String group : List.of("compiler", "gc")) {
      out.put(
          "ticks " + group,
          List.of(nativeAfter.getOrDefault(group, 0L) - nativeBefore.getOrDefault(group, 0L)));
    }
    List<Long> acks = sorted(out.get("all"));
    out.put("burst p50", List.of(pct(acks, 50)));
    out.put("burst p99", List.of(pct(acks, 99)));
    if (Boolean.getBoolean("bench.windows")) {
      // One line per burst, to tell what a slow burst had that the others did not.
      System.out.printf(
          Locale.ROOT,
          "burst %-5s wall %4d ms p50 %5.1f p99 %5.1f | gc %d (%d ms) jit %d ms"
              + " compiler ticks %d gc ticks %d | cpu front door %.1f rest %.1f ms%n",
          post == floorPost ? "floor" : "bot",
          System.currentTimeMillis() - startedAt,
          ms(pct(acks, 50)),
          ms(pct(acks, 99)),
          out.get("gc count").get(0),
          out.get("gc ms").get(0),
          out.get("jit ms").get(0),
          out.get("ticks compiler").get(0),
          out.get("ticks gc").get(0),
          ms(out.get("cpu front door").get(0)),
          ms(out.get("cpu rest").get(0)));
    }
    return out;
  }

  private static Map<Long, long[]> cpuByThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, long[]> cpu = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      cpu.put(t.getId(), new long[] {threads.getThreadCpuTime(t.getId()), allocated(t)});
    }
    return cpu;
  }

  /**
   * CPU clock ticks (user + system, from /proc on Linux) so far of the JVM's own threads that
   * ThreadMXBean does not list: the JIT compiler's ("compiler") and the collector's ("gc"). Empty
   * where /proc is not there. A tick is 10 ms on Linux (USER_HZ 100).
   */
  private static Map<String, Long> nativeThreadTicks() {
    Map<String, Long> ticks = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return ticks;
    }
    try (var dirs = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) dirs::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (java.io.IOException e) {
          continue; // the thread ended meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        String group =
            name.contains("Compiler")
                ? "compiler"
                : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "gc" : null;
        if (group == null) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
        long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        ticks.merge(group, used, Long::sum);
      }
    } catch (java.io.IOException e) {
      return Map.of();
    }
    return ticks;
  }

  /** Collections so far and the milliseconds they took, over every collector. */
  private static long[] collections() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  /** Bytes {@code t} has allocated so far (HotSpot's measure), or 0 where it is not available. */
  private static long allocated(Thread t) {
    return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
        ? Math.max(0, hotspot.getThreadAllocatedBytes(t.getId()))
        : 0;
  }

  /**
   * The CPU time the burst took, split into the front door's worker threads that answered it (the
   * floor's are renamed "floor-http-…" by it) and every other thread but the clients' (the Slack
   * and PayPal fakes, the bot's background threads): a measure a busy machine does not stretch.
   */
  private static void cpuDuring(Map<Long, long[]> before, Map<String, List<Long>> out) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long front = 0;
    long rest = 0;
    long frontBytes = 0;
    long restBytes = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long now = threads.getThreadCpuTime(t.getId());
      if (now < 0 || t.getName().startsWith("burst-client") || t == Thread.currentThread()) {
        continue;
      }
      long[] was = before.getOrDefault(t.getId(), new long[2]);
      long used = now - was[0];
      long bytes = allocated(t) - was[1];
      if (t.getName().startsWith("http-") || t.getName().startsWith("floor-http-")) {
        front += used;
        frontBytes += bytes;
      } else {
        rest += used;
        restBytes += bytes;
        String group = "cpu of " + t.getName().replaceAll("[-#]?\\d+$", "");
        List<Long> sum = out.computeIfAbsent(group, k -> new ArrayList<>(List.of(0L)));
        sum.set(0, sum.get(0) + used);
      }
    }
    out.put("cpu front door", List.of(front));
    out.put("cpu rest", List.of(rest));
    out.put("bytes front door", List.of(frontBytes));
    out.put("bytes rest", List.of(restBytes));
  }

  private static double pairedRatio(
      Map<String, List<Long>> ours, Map<String, List<Long>> floors, String what) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < ours.get(what).size(); i++) {
      ratios.add((double) ours.get(what).get(i) / floors.get(what).get(i));
    }
    Collections.sort(ratios);
    return ratios.get(ratios.size() / 2);
  }

  private static long sum(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).sum();
  }

  private static long median(List<Long> values) {
    return sorted(values).get(values.size() / 2);
  }

  private static void line(String name, List<Long> values) {
    List<Long> s = sorted(values);
    System.out.printf(
        Locale.ROOT,
        "%-22s %6d %9.1f %9.1f %9.1f%n",
        name,
        s.size(),
        ms(pct(s, 50)),
        ms(pct(s, 99)),
        ms(s.get(s.size() - 1)));
  }

  private static List<Long> sorted(List<Long> values) {
    List<Long> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long pct(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
