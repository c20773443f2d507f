package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Response;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.ModalClicks;
import io.disputedesk.testing.People;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Replicas of the bot in one process on one shared PostgreSQL database ({@link BotDesk} with a
 * deferred {@link io.disputedesk.testing.BotDeskExtension}), and a load balancer's habits: the same
 * poll, webhook or click on several replicas at once.
 */
final class Replicas {
  static final String AGENT = People.CAROL;
  static final String WEBHOOK_ID = SimulatorOptions.defaults(Clock.systemUTC()).webhookId();

  /** Room for two bots on PostgreSQL on a loaded machine. */
  static final Duration WAIT = Duration.ofSeconds(40);

  private Replicas() {}

  /**
   * The replica tests' desk: Carol is an agent, PayPal's webhooks are verified, a hung PayPal call
   * stays hung for the whole test unless the simulator is closed; the tests start the replicas.
   */
  static DeskOptions options() {
    return DeskOptions.defaults()
        .replicas(0)
        .simulator(clock -> SimulatorOptions.defaults(clock).withHangTimeout(Duration.ofMinutes(2)))
        .with("AGENTS", AGENT)
        .with("PAYPAL_WEBHOOK_ID", WEBHOOK_ID);
  }

  /** Polls on both replicas at the same moment and waits until Slack has what they queued. */
  static void pollBoth(RunningApp a, RunningApp b) throws Exception {
    assertThat(atOnce(() -> a.pollNow().ok(), () -> b.pollNow().ok()))
        .as("both polls succeeded")
        .containsOnly(true);
    awaitQuiet(a);
  }

  /** Waits until every Slack write the replica queued is delivered. */
  static void awaitQuiet(RunningApp app) {
    Await.until("the Slack outbox to drain", () -> app.outboxBacklog() == 0, WAIT);
  }

  /**
   * Clicks the card's button on one replica and returns the modal it opened, clicking again while
   * the bot says that Slack did not open it ({@link ModalClicks}).
   */
  static SlackView openModal(
      BotDesk desk, RunningApp app, String actionId, String disputeId, String user) {
    String ts = desk.onlyCard(disputeId).ts();
    AtomicInteger clicks = new AtomicInteger();
    SlackView view =
        ModalClicks.clickUntilOpen(
            desk.slack,
            user,
            actionId,
            WAIT,
            trigger ->
                desk.signedPost(app)
                    .send(
                        SlackRequests.blockAction(actionId)
                            .value(disputeId)
                            .user(user, "agent")
                            .triggerId(trigger)
                            .actionTs("1732700042.00000" + clicks.incrementAndGet())
                            .inMessage(
                                BotDesk.CHANNEL,
                                ts,
                                desk.slack.hooksUrlFor(BotDesk.CHANNEL, ts, user))
                            .body()));
    desk.slack.closeViews(user);
    return view;
  }

  /**
   * A front door that hands every webhook delivery to both replicas' {@code /paypal/webhooks} at
   * once; closed with the desk.
   */
  static String webhookFrontDoor(BotDesk desk, RunningApp a, RunningApp b) {
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
    desk.closeWith(() -> host.stop(Duration.ZERO));
    return "http://127.0.0.1:" + host.port() + "/paypal/webhooks";
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
                  Await.until("the start signal", go, WAIT);
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
}
