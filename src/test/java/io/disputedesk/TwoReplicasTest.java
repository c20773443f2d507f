package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigLoader;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Response;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.SenderSettings;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.SyncState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the bot ({@link App#start}) in one process on one PostgreSQL database, with one
 * simulated PayPal and one local Slack: whatever either does, Slack sees each change once.
 */
@OnPostgres
class TwoReplicasTest {
  private static final String CHANNEL = Desk.CHANNEL;
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final String WEBHOOK_ID = SimulatorOptions.defaults(Clock.systemUTC()).webhookId();

  private PayPalSimulator sim;
  private LocalSlack slack;
  private String databaseUrl;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  /** Per dispute, how many thread replies its changes should have produced so far. */
  private final Map<String, Integer> expectedReplies = new LinkedHashMap<>();

  @BeforeEach
  void start(TestDatabase database) {
    // A hung PayPal call stays hung for the whole test unless the simulator is closed.
    sim = PayPalSimulator.start(SimulatorOptions.defaults(Clock.systemUTC()).withHangTimeout(Duration.ofMinutes(2)));
    slack = LocalSlack.start();
    slack.addChannel(CHANNEL, "disputes");
    databaseUrl = database.url();
  }

  @AfterEach
  void stop() throws Exception {
    // Closing the simulator first lets a replica's hung PayPal call end, so that replica can stop.
    sim.close();
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    slack.close();
  }

  private Config config() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_SIGNING_SECRET", "test-signing-secret");
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("DISPUTES_CHANNEL", CHANNEL);
    env.put("PAYPAL_CLIENT_ID", "sim-client-id");
    env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
    env.put("PAYPAL_BASE_URL", sim.baseUrl());
    env.put("PAYPAL_WEBHOOK_ID", WEBHOOK_ID);
    env.put("DATABASE_URL", databaseUrl);
    env.put("PORT", Integer.toString(freePort()));
    env.put("POLL_INTERVAL", "PT10S");
    return ConfigLoader.load(ConfigSource.of(env));
  }

  private RunningApp replica(RunOptions options) {
    RunningApp app = App.start(config(), Clock.systemUTC(), options);
    toClose.add(app);
    return app;
  }

  /** Fast Slack pacing; scheduled polls only after an hour, so the test decides when polls run. */
  private RunningApp replicaPolledByHand() {
    return replica(Desk.fast());
  }

  @Test
  void concurrentPollsOnBothReplicasGiveEachChangeOneCardUpdateAndOneReply() throws Exception {
    RunningApp a = replicaPolledByHand();
    RunningApp b = replicaPolledByHand();
    pollBoth(a, b);
    List<String> ids = new ArrayList<>();

    for (int round = 0; round < 4; round++) {
      for (String id : ids) {
        change(id, round);
      }
      ids.add(newDispute());
      pollBoth(a, b);
    }

    assertThat(messages("message:")).as("the first run's one summary").hasSize(1);
    for (String id : ids) {
      SlackMessage card = onlyCard(id);
      List<SlackMessage> replies = slack.replies(CHANNEL, card.ts());
      assertThat(replies).as("replies of " + id).hasSize(expectedReplies.get(id))
          .extracting(Desk::key).doesNotHaveDuplicates();
      assertThat(cardUpdates(card)).as("card updates of " + id).isEqualTo(expectedReplies.get(id).longValue());
    }
    assertThat(a.outboxBacklog()).isZero();
  }

  @Test
  void theSameWebhookReachingBothReplicasIsHandledOnce() throws Exception {
    RunningApp a = replicaPolledByHand();
    RunningApp b = replicaPolledByHand();
    a.pollNow();
    String id = newDispute();
    a.pollNow();
    awaitQuiet(a);
    sim.setStatus(id, SimStatus.WAITING_FOR_BUYER_RESPONSE);
    // PayPal's delivery (or its retry) reaches both replicas behind the load balancer at once.
    String url = frontDoor(a, b);
    long readsBefore = sim.count("get");

    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.UPDATED", id)).isEqualTo(200);
    awaitTrue("the webhook's card update", () -> slack.replies(CHANNEL, onlyCard(id).ts()).size() == 1);
    assertThat(sim.count("get") - readsBefore).as("one replica re-read the dispute for the webhook").isEqualTo(1);
    pollBoth(a, b);

    SlackMessage card = onlyCard(id);
    assertThat(slack.replies(CHANNEL, card.ts())).hasSize(1);
    assertThat(cardUpdates(card)).isEqualTo(1L);
  }

  @Test
  void aReplicaKilledMidPollLosesNothingAndTheOtherTakesOverThePolling() throws Exception {
    RunningApp a = replica(shortLease(Duration.ofSeconds(3)));
    a.pollNow();
    awaitQuiet(a);
    Instant cursorBefore = new SyncState(a.database()).instant(DisputeSync.CURSOR).orElseThrow();
    String id = newDispute();
    long listsBefore = sim.count("list");
    sim.hangNext("list");
    // A's scheduled poll starts and hangs in PayPal's list call.
    awaitTrue("A's scheduled poll to start", () -> sim.count("list") > listsBefore);
    RunningApp b = replica(shortLease(Duration.ofSeconds(1)));
    assertThat(TestDatabases.count(b.database(), "SELECT COUNT(*) FROM qrtz_scheduler_state"))
        .as("both replicas joined the Quartz cluster").isEqualTo(2);

    // A dies: it can no longer reach the database (its poll never finishes, Quartz stops hearing from it).
    a.database().close();

    // Quartz declares A dead about ten seconds later and runs the poll on B, which finds the new dispute.
    awaitTrue("B's poll to post the card", () -> cards(id).size() == 1);
    awaitQuiet(b);
    assertThat(cards(id)).hasSize(1);
    assertThat(new SyncState(b.database()).instant(DisputeSync.CURSOR)).get()
        .satisfies(cursor -> assertThat(cursor).as("B's poll completed").isAfter(cursorBefore));

    // B goes on polling on schedule: the next interval's change shows once too.
    sim.addBuyerMessage(id, "Any news?");
    awaitTrue("B's next scheduled poll", () -> slack.replies(CHANNEL, onlyCard(id).ts()).size() == 1);
    awaitQuiet(b);
    assertThat(cardUpdates(onlyCard(id))).isEqualTo(1L);
    // Whatever A was sending when it died (the day's digest, say) was settled by B, and went out once.
    assertThat(slack.messages(CHANNEL)).extracting(Desk::key).doesNotHaveDuplicates();
  }

  /**
   * Fast pacing, and a short lease with frequent recovery, so that a send a dead replica left
   * half-done is settled by the survivor within seconds (production: minutes).
   */
  private static RunOptions shortLease(Duration firstPollDelay) {
    SenderSettings s = Desk.fast().sender();
    return Desk.fast().withFirstPollDelay(firstPollDelay).withSender(new SenderSettings(s.sendInterval(), s.tick(),
        Duration.ofSeconds(3), s.batchSize(), s.maxAttempts(), s.backoffBase(), s.backoffCap(), s.maxInlineWait(),
        Duration.ofSeconds(1)));
  }

  private void pollBoth(RunningApp a, RunningApp b) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Boolean>> polls = new ArrayList<>();
      for (RunningApp app : List.of(a, b)) {
        polls.add(CompletableFuture.supplyAsync(() -> {
          awaitLatch(go);
          return app.pollNow().ok();
        }, pool));
      }
      go.countDown();
      for (CompletableFuture<Boolean> poll : polls) {
        assertThat(poll.get(30, TimeUnit.SECONDS)).as("poll succeeded").isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    awaitQuiet(a);
  }

  private String newDispute() {
    // Created now: the polls list what changed since their cursor, which has already passed older times.
    String id = sim.createDispute(SimDisputeSpec.builder().stage(SimStage.INQUIRY).amount("23.00", "USD")
        .buyerName("Ana Buyer").build());
    expectedReplies.put(id, 0);
    return id;
  }

  /**
   * One change that PayPal reports with a new update time and the bot answers with exactly one
   * thread reply: the buyer writes again (the dispute stays waiting for us).
   */
  private void change(String id, int round) {
    sim.addBuyerMessage(id, "Any news? (round " + round + ")");
    expectedReplies.merge(id, 1, Integer::sum);
  }

  /** A front door that hands every webhook delivery to both replicas' {@code /paypal/webhooks} at the same moment. */
  private String frontDoor(RunningApp a, RunningApp b) {
    HttpClient http = HttpClient.newHttpClient();
    HttpHost host = new HttpHost(new InetSocketAddress("127.0.0.1", 0), 4);
    host.route("POST", "/paypal/webhooks", request -> {
      List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
      for (RunningApp app : List.of(a, b)) {
        HttpRequest.Builder forward = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/paypal/webhooks"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().asMap().forEach((name, values) -> {
          if (name.toLowerCase(Locale.ROOT).startsWith("paypal-") || name.equalsIgnoreCase("content-type")) {
            values.forEach(v -> forward.header(name, v));
          }
        });
        deliveries.add(http.sendAsync(forward.build(), HttpResponse.BodyHandlers.ofString()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> d : deliveries) {
        statuses.add(d.get(10, TimeUnit.SECONDS).statusCode());
      }
      assertThat(statuses).as("both replicas answer PayPal 200").containsOnly(200);
      return Response.text(200, "ok");
    });
    host.start();
    toClose.add(() -> host.stop(Duration.ZERO));
    return "http://127.0.0.1:" + host.port() + "/paypal/webhooks";
  }

  private SlackMessage onlyCard(String id) {
    List<SlackMessage> cards = cards(id);
    assertThat(cards).as("cards of " + id).hasSize(1);
    return cards.get(0);
  }

  private List<SlackMessage> cards(String id) {
    return messages("card:").stream().filter(m -> id.equals(Desk.disputeOf(m))).toList();
  }

  private List<SlackMessage> messages(String keyPrefix) {
    return slack.messages(CHANNEL).stream().filter(m -> Desk.key(m).startsWith(keyPrefix)).toList();
  }

  private long cardUpdates(SlackMessage card) {
    return slack.calls("chat.update").stream().filter(c -> card.ts().equals(c.param("ts"))).count();
  }

  private static void awaitQuiet(RunningApp app) {
    awaitTrue("the Slack outbox to drain", () -> app.outboxBacklog() == 0);
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
