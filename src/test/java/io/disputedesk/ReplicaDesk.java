package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Response;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Replicas of the bot ({@link App#start}) in one process on one shared database, with one PayPal
 * simulator and one local Slack, and a load balancer's habits: the same request to several
 * replicas.
 */
final class ReplicaDesk implements AutoCloseable {
  static final String CHANNEL = Desk.CHANNEL;
  static final String SIGNING_SECRET = "replicas-signing-secret";
  static final String AGENT = "U0A1B2C3N";
  static final String WEBHOOK_ID = SimulatorOptions.defaults(Clock.systemUTC()).webhookId();
  private static final Duration WAIT = Duration.ofSeconds(40);

  private final BotDesk core;
  final PayPalSimulator sim;
  final LocalSlack slack;

  ReplicaDesk(String databaseUrl) {
    // A hung PayPal call stays hung for the whole test unless the simulator is closed.
    this(
        new BotDesk(
            null,
            BotDesk.Options.defaults()
                .channel(CHANNEL)
                .signingSecret(SIGNING_SECRET)
                .simulator(
                    clock ->
                        SimulatorOptions.defaults(clock).withHangTimeout(Duration.ofMinutes(2)))
                .with("AGENTS", AGENT)
                .with("PAYPAL_WEBHOOK_ID", WEBHOOK_ID)
                .replicas(2, databaseUrl)));
  }

  /** The helpers over a desk a {@link io.disputedesk.testing.BotDeskExtension} started. */
  ReplicaDesk(BotDesk core) {
    this.core = core;
    this.sim = core.sim;
    this.slack = core.slack;
  }

  /** Sets (or overrides) one setting for the replicas started from now on. */
  ReplicaDesk with(String setting, String value) {
    core.with(setting, value);
    return this;
  }

  RunningApp replica(RunOptions options) {
    return replica(options, Clock.systemUTC());
  }

  /** A replica whose clock is its own (say, a little ahead of the others). */
  RunningApp replica(RunOptions options, Clock clock) {
    return core.start(options, clock, Map.of());
  }

  /** A replica whose settings add or override {@code env} (e.g. the digest and report schedule). */
  RunningApp replica(RunOptions options, Map<String, String> env) {
    return core.start(options, Clock.systemUTC(), env);
  }

  /** Polls on both replicas at the same moment and waits until Slack has what they queued. */
  void pollBoth(RunningApp a, RunningApp b) throws Exception {
    assertThat(atOnce(() -> a.pollNow().ok(), () -> b.pollNow().ok()))
        .as("both polls succeeded")
        .containsOnly(true);
    awaitQuiet(a);
  }

  SignedPost slackEvents(RunningApp app) {
    return core.signedPost(app);
  }

  /** Clicks the card's button on one replica and returns the modal it opened. */
  SlackView openModal(RunningApp app, String actionId, String disputeId, String user) {
    String ts = onlyCard(disputeId).ts();
    SignedPost.Reply click =
        slackEvents(app)
            .send(
                SlackRequests.blockAction(actionId)
                    .value(disputeId)
                    .user(user, "agent")
                    .triggerId(slack.issueTrigger(user))
                    .actionTs("1732700042.000001")
                    .inMessage(CHANNEL, ts, slack.hooksUrlFor(CHANNEL, ts, user))
                    .body());
    assertThat(click.status()).isEqualTo(200);
    await("the modal to open", () -> !slack.openViews(user).isEmpty());
    List<SlackView> stack = slack.openViews(user);
    SlackView view = stack.get(stack.size() - 1);
    slack.closeViews(user);
    return view;
  }

  /**
   * A front door that hands every webhook delivery to both replicas' {@code /paypal/webhooks} at
   * once.
   */
  String webhookFrontDoor(RunningApp a, RunningApp b) {
    HttpClient http = HttpClient.newHttpClient();
    HttpHost host = new HttpHost(new InetSocketAddress("127.0.0.1", 0), 4);
    host.route(
        "POST",
        "/paypal/webhooks",
        request -> {
          List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
          for (RunningApp app : List.of(a, b)) {
            HttpRequest.Builder forward =
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/paypal/webhooks"))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request
                .headers()
                .asMap()
                .forEach(
                    (name, values) -> {
                      if (name.toLowerCase(Locale.ROOT).startsWith("paypal-")
                          || name.equalsIgnoreCase("content-type")) {
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
    core.closeWith(() -> host.stop(Duration.ZERO));
    return "http://127.0.0.1:" + host.port() + "/paypal/webhooks";
  }

  SlackMessage onlyCard(String disputeId) {
    List<SlackMessage> cards = cards(disputeId);
    assertThat(cards).as("cards of " + disputeId).hasSize(1);
    return cards.get(0);
  }

  List<SlackMessage> cards(String disputeId) {
    return messages("card:").stream().filter(m -> disputeId.equals(Desk.disputeOf(m))).toList();
  }

  /** Top-level channel messages whose metadata key starts so ({@code card:}, {@code message:}). */
  List<SlackMessage> messages(String keyPrefix) {
    return slack.messages(CHANNEL).stream().filter(m -> Desk.key(m).startsWith(keyPrefix)).toList();
  }

  List<SlackMessage> replies(String disputeId) {
    return slack.replies(CHANNEL, onlyCard(disputeId).ts());
  }

  /** How often the dispute's card was updated in place. */
  long cardUpdates(String disputeId) {
    String ts = onlyCard(disputeId).ts();
    return slack.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).count();
  }

  static void awaitQuiet(RunningApp app) {
    await("the Slack outbox to drain", () -> app.outboxBacklog() == 0);
  }

  /** {@link Await#until} with the replicas' timeout (two bots on PostgreSQL). */
  static void await(String what, BooleanSupplier condition) {
    Await.until(what, condition, WAIT);
  }

  /** Runs the calls on their own threads, released at the same instant; their results in order. */
  @SafeVarargs
  static <T> List<T> atOnce(Supplier<T>... calls) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls.length);
    try {
      List<CompletableFuture<T>> futures = new ArrayList<>();
      for (Supplier<T> call : calls) {
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  awaitLatch(go);
                  return call.get();
                },
                pool));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (CompletableFuture<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
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

  /**
   * Closes the simulator first, so that a replica's hung PayPal call ends and the replica can stop.
   */
  @Override
  public void close() throws Exception {
    core.close();
  }
}
