package io.disputedesk.bench;

import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.slack.actions.ModalFields;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.StateValues;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Load driver for the running bot ({@code App.start}): simulated people click card buttons and
 * submit the modals they open (signed, over HTTP) while PayPal answers every action after a delay.
 * Reports how fast Slack gets its acknowledgement (p50/p99) and checks that no intent reached
 * PayPal twice. Not run by {@code mvn test}; see {@code bench/README.md} for the command and
 * options.
 */
public final class AckLatencyBenchmark {
  private static final Set<String> ACTION_OPS = Set.of("send-message", "make-offer");

  private final Options options;
  private final DeskDriver desk;
  private final List<String> disputes = new ArrayList<>();
  private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger submissions = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicBoolean recording = new AtomicBoolean();

  record Options(int users, int seconds, int warmupSeconds, int disputes, Duration payPalDelay) {
    static Options parse(String[] args) {
      Map<String, String> a = new HashMap<>();
      for (String arg : args) {
        String[] kv = arg.replaceFirst("^--", "").split("=", 2);
        a.put(kv[0], kv.length > 1 ? kv[1] : "true");
      }
      return new Options(
          Integer.parseInt(a.getOrDefault("users", "50")),
          Integer.parseInt(a.getOrDefault("seconds", "30")),
          Integer.parseInt(a.getOrDefault("warmup", "10")),
          Integer.parseInt(a.getOrDefault("disputes", "300")),
          Duration.ofMillis(Long.parseLong(a.getOrDefault("paypal-delay-ms", "2000"))));
    }
  }

  private AckLatencyBenchmark(Options options, DeskDriver desk) {
    this.options = options;
    this.desk = desk;
  }

  public static void main(String[] args) throws Exception {
    // The local Slack and PayPal fakes run on the JDK's HTTP server, which writes headers and body
    // separately; with Nagle on, the client's delayed ACK adds ~40 ms to every fake answer, a
    // cost real Slack and PayPal do not have. (Set before any server starts.)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Options options = Options.parse(args);
    List<String> users = new ArrayList<>();
    for (int i = 1; i <= options.users(); i++) {
      users.add(String.format(Locale.ROOT, "UBENCH%04d", i));
    }
    // Half the people are approvers (they make offers too); nothing waits for a second approver.
    // Enough action threads that the 2-second PayPal calls do not queue up behind each other.
    DeskOptions settings =
        DeskOptions.forActions()
            .roles(users.subList(0, users.size() / 2), users, null)
            .actions(Duration.ofSeconds(30), 64);
    Path dir = Files.createTempDirectory("ack-latency-bench");
    int exit;
    try (BotDesk bots = new BotDesk(dir, settings)) {
      DeskDriver desk = DeskDriver.on(bots, bots.start());
      exit = new AckLatencyBenchmark(options, desk).run(users);
    }
    System.exit(exit);
  }

  private int run(List<String> users) throws InterruptedException {
    for (int i = 0; i < options.disputes(); i++) {
      disputes.add(
          desk.dispute(
              SimDisputeSpec.builder()
                  .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                  .amount("80.00", "USD")
                  .offerTypes("REFUND")));
    }
    desk.sim.delayActions(options.payPalDelay());
    System.out.printf(
        Locale.ROOT,
        "%d users, %d disputes, PayPal actions answer after %d ms, %d cores,"
            + " system load average %.2f%n",
        users.size(),
        disputes.size(),
        options.payPalDelay().toMillis(),
        Runtime.getRuntime().availableProcessors(),
        loadAverage());

    phase(users, options.warmupSeconds());
    latencies.clear();
    errors.set(0);
    submissions.set(0);
    retries.set(0);
    recording.set(true);
    long start = System.nanoTime();
    phase(users, options.seconds());
    double measured = (System.nanoTime() - start) / 1e9;
    recording.set(false);
    System.out.printf(
        Locale.ROOT,
        "system load average after the measured run: %.2f (other processes on the"
            + " machine widen the tail)%n",
        loadAverage());

    System.out.println("Load stopped; waiting for PayPal calls to finish ...");
    Await.until(
        "all actions finished",
        () ->
            desk.actions.inState(ActionStatus.IN_FLIGHT).isEmpty()
                && desk.actions.inState(ActionStatus.UNKNOWN).isEmpty());
    desk.settle();
    return report(measured);
  }

  /** Every user runs its loop for {@code seconds}. */
  private void phase(List<String> users, int seconds) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    CountDownLatch done = new CountDownLatch(users.size());
    for (int i = 0; i < users.size(); i++) {
      String user = users.get(i);
      boolean approver = i < users.size() / 2;
      Thread t =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    step(user, approver);
                  }
                } finally {
                  done.countDown();
                }
              },
              "bench-" + user);
      t.setDaemon(true);
      t.start();
    }
    done.await();
  }

  /** One thing a person does: message the buyer, make an offer, or take the dispute. */
  private void step(String user, boolean approver) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String dispute = disputes.get(random.nextInt(disputes.size()));
    double roll = random.nextDouble();
    if (roll < 0.6) {
      modal(
          user,
          dispute,
          CardAction.SEND_MESSAGE.buttonId(),
          new StateValues()
              .plainText(
                  ModalFields.MESSAGE,
                  ModalFields.MESSAGE,
                  "Update from " + user + " #" + random.nextLong(1_000_000_000L)));
    } else if (roll < 0.8 && approver) {
      modal(
          user,
          dispute,
          CardAction.MAKE_OFFER.buttonId(),
          new StateValues()
              .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
              .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "25.00")
              .plainText(ModalFields.NOTE, ModalFields.NOTE, "Offer from " + user));
    } else {
      timed("click", () -> desk.click(Ids.ASSIGN_ME, dispute, user));
    }
    think(300, 1000);
  }

  private void modal(String user, String dispute, String button, StateValues state) {
    timed("click", () -> desk.click(button, dispute, user));
    List<SlackView> open = desk.slack.openViews(user);
    if (open.isEmpty()) {
      return; // refused (e.g. the offer link is gone once an offer was made)
    }
    SlackView view = open.get(open.size() - 1);
    desk.slack.closeViews(user);
    think(200, 600);
    SlackBody body = desk.submission(view, user, state).body();
    submissions.incrementAndGet();
    timed("submit", () -> desk.post.send(body));
    if (ThreadLocalRandom.current().nextDouble() < 0.15) {
      // Slack delivering the same submission again must not reach PayPal again.
      retries.incrementAndGet();
      timed(
          "retry",
          () ->
              desk.post.send(
                  body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")));
    }
  }

  private interface Call {
    SignedPost.Reply send();
  }

  private void timed(String kind, Call call) {
    long t0 = System.nanoTime();
    SignedPost.Reply reply = call.send();
    long took = System.nanoTime() - t0;
    if (reply.status() != 200) {
      errors.incrementAndGet();
    }
    if (recording.get()) {
      latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(took);
      latencies.computeIfAbsent("all", k -> new ConcurrentLinkedQueue<>()).add(took);
    }
  }

  private static void think(int minMillis, int maxMillis) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int report(double seconds) {
    System.out.printf(
        Locale.ROOT,
        "%nAcknowledgement latency over %.1f s (client-measured, signed HTTP round trip):%n",
        seconds);
    System.out.printf(
        Locale.ROOT,
        "%-8s %8s %9s %9s %9s %9s%n",
        "kind",
        "count",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms");
    for (String kind : List.of("click", "submit", "retry", "all")) {
      List<Long> values =
          new ArrayList<>(latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
      if (values.isEmpty()) {
        continue;
      }
      Collections.sort(values);
      System.out.printf(
          Locale.ROOT,
          "%-8s %8d %9.1f %9.1f %9.1f %9.1f%n",
          kind,
          values.size(),
          ms(pct(values, 50)),
          ms(pct(values, 90)),
          ms(pct(values, 99)),
          ms(values.get(values.size() - 1)));
    }
    List<Long> all = new ArrayList<>(latencies.getOrDefault("all", new ConcurrentLinkedQueue<>()));
    Collections.sort(all);
    double p99 = all.isEmpty() ? Double.NaN : ms(pct(all, 99));
    System.out.printf(
        Locale.ROOT,
        "throughput %.0f acks/s; non-200 answers: %d%n",
        all.size() / seconds,
        errors.get());

    List<SimRequest> calls =
        desk.sim.requests().stream()
            .filter(r -> r.method().equals("POST") && ACTION_OPS.contains(r.operation()))
            .toList();
    Map<String, Long> perRequestId =
        calls.stream()
            .collect(
                Collectors.groupingBy(
                    r -> String.valueOf(r.header("PayPal-Request-Id")), Collectors.counting()));
    Map<String, Long> perBody =
        calls.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.pathAndQuery() + " " + r.bodyText(), Collectors.counting()));
    long duplicateCalls =
        perRequestId.values().stream().mapToLong(n -> n - 1).sum()
            + perBody.values().stream().mapToLong(n -> n - 1).sum();
    perRequestId.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .limit(5)
        .forEach(
            e ->
                System.out.println(
                    "  PayPal-Request-Id " + e.getKey() + " sent " + e.getValue() + " times"));
    perBody.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .limit(5)
        .forEach(
            e ->
                System.out.println(
                    "  same request sent " + e.getValue() + " times: " + e.getKey()));
    long succeeded = desk.actions.inState(ActionStatus.SUCCEEDED).size();
    long failed = desk.actions.inState(ActionStatus.FAILED).size();
    long duplicatesStopped =
        desk.audit.recent(1_000_000).stream().filter(e -> e.outcome().equals("DUPLICATE")).count();
    long busy =
        desk.audit.recent(1_000_000).stream().filter(e -> e.outcome().equals("BUSY")).count();
    System.out.printf(
        Locale.ROOT,
        "submissions %d (+%d Slack retries); PayPal action calls %d; actions succeeded %d,"
            + " failed %d; same-intent repeats stopped %d; colleague collisions stopped %d%n",
        submissions.get(),
        retries.get(),
        calls.size(),
        succeeded,
        failed,
        duplicatesStopped,
        busy);
    System.out.printf(Locale.ROOT, "duplicate PayPal calls per intent: %d%n", duplicateCalls);
    System.out.printf(Locale.ROOT, "p99 target (< 100 ms): %s%n", p99 < 100 ? "met" : "MISSED");
    return duplicateCalls == 0 && calls.size() == succeeded + failed ? 0 : 1;
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
