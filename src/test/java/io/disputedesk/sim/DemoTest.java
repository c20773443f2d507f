package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import io.disputedesk.RunOptions;
import io.disputedesk.Settings;
import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigLoader;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Response;
import io.disputedesk.slack.BoltHandler;
import io.disputedesk.slack.SenderSettings;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.Network;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's wiring, with a stand-in bot started from the configuration the demo hands over. */
class DemoTest {
  @TempDir Path dir;

  private final List<String> webhooks = new CopyOnWriteArrayList<>();
  private final List<String> commands = new CopyOnWriteArrayList<>();

  @Test
  void botIsConfiguredAgainstTheSimulatorAndLocalSlackWithAFreshDatabase() throws Exception {
    Files.writeString(dir.resolve("demo.db"), "left over from the last demo");

    try (Demo demo = Demo.start(options(Duration.ZERO), this::standInBot, Clock.systemUTC())) {
      Config config = demo.config();

      assertThat(config.paypal().baseUrl()).isEqualTo(demo.paypal().baseUrl());
      assertThat(config.slack().apiUrl()).isEqualTo(demo.slack().apiUrl());
      assertThat(config.slack().channel()).isEqualTo(Demo.CHANNEL);
      assertThat(config.accounts())
          .extracting(a -> a.name() + " " + a.webhookPath())
          .containsExactly("acme /paypal/webhooks/acme", "nova /paypal/webhooks/nova");
      assertThat(Settings.load(demo.source()).routes())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.channel()).isEqualTo(Demo.NOVA_CHANNEL);
                assertThat(r.when().words()).isEqualTo("account:nova");
              });
      assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("demo.db"));
      assertThat(config.bindAddress())
          .as("the demo's bot, like its console, is for this machine only")
          .isEqualTo("127.0.0.1");
      assertThat(dir.resolve("demo.db")).doesNotExist();
      assertThat(config.roles().approvers()).containsExactly(Demo.USER.id());
      assertThat(config.schedule().pollInterval()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.schedule().digestTime())
          .as("the digest goes out a few minutes after start")
          .isEqualTo(java.time.LocalTime.MIDNIGHT);
      assertThat(demo.paypal().count()).isGreaterThanOrEqualTo(25);
      assertThat(demo.slack().user(Demo.USER.id())).isPresent();
      assertThat(demo.consoleUrl()).startsWith("http://localhost:");
    }
  }

  @Test
  void consoleSendsSignedCommandsToTheBotAndShowsItsAnswer() throws Exception {
    try (Demo demo = Demo.start(options(Duration.ZERO), this::standInBot, Clock.systemUTC())) {
      HttpResponse<String> page = get(demo.consoleUrl());
      HttpResponse<String> reply =
          post(demo.consoleUrl() + "console/api/command", "{\"text\":\"help\"}");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("{\"ok\":true}");
      assertThat(commands).containsExactly("help");
      assertThat(demo.slack().ephemerals(Demo.USER.id()))
          .singleElement()
          .satisfies(e -> assertThat(e.text()).isEqualTo("stand-in heard help"));
    }
  }

  @Test
  void consoleListensOnlyOnTheLoopbackAddress() throws Exception {
    try (Demo demo = Demo.start(options(Duration.ZERO), this::standInBot, Clock.systemUTC())) {
      int port = URI.create(demo.consoleUrl()).getPort();
      assertThat(get("http://127.0.0.1:" + port + "/").statusCode()).isEqualTo(200);

      Optional<InetAddress> lan = Network.nonLoopbackAddress();
      Assumptions.assumeTrue(
          lan.isPresent(), "this machine has no non-loopback IPv4 address to try");
      assertThatThrownBy(() -> new Socket(lan.get(), port).close())
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void consoleRefusesACommandPostedByAnotherSite() throws Exception {
    try (Demo demo = Demo.start(options(Duration.ZERO), this::standInBot, Clock.systemUTC())) {
      HttpResponse<String> crossSite =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(demo.consoleUrl() + "console/api/command"))
                      .header("Content-Type", "application/json")
                      .header("Origin", "https://attacker.example")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"from elsewhere\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> ownPage =
          post(demo.consoleUrl() + "console/api/command", "{\"text\":\"help\"}");

      assertThat(crossSite.statusCode()).isEqualTo(403);
      assertThat(ownPage.statusCode()).isEqualTo(200);
      assertThat(commands).containsExactly("help");
    }
  }

  @Test
  void simulatorKeepsChangingAndTellsTheBotByWebhook() throws Exception {
    try (Demo demo =
        Demo.start(options(Duration.ofMillis(100)), this::standInBot, Clock.systemUTC())) {
      Await.until("two webhooks", () -> webhooks.size() >= 2, Duration.ofSeconds(10));

      assertThat(webhooks).hasSizeGreaterThanOrEqualTo(2);
      assertThat(webhooks.get(0)).contains("\"event_type\":\"CUSTOMER.DISPUTE.");
    }
  }

  @Test
  void theRealBotsDemoCardsShowOrdersTrackingAndWhatWins() throws Exception {
    List<String> expected =
        List.of(
            ":white_check_mark: *Delivered*",
            "*Order details unavailable* — the bot's PayPal app does not have the Transaction Search permission",
            "No tracking on file with PayPal",
            "• 2 × Wool care kit",
            ":white_check_mark: Tracking that shows delivery — DHL says delivered",
            "*What wins: Unauthorised payment*",
            "*What wins: Not as described*");
    try (Demo demo =
        Demo.start(
            options(Duration.ZERO),
            source ->
                io.disputedesk.App.start(
                    Settings.load(source),
                    Clock.systemUTC(),
                    RunOptions.defaults()
                        .withFirstPollDelay(Duration.ZERO)
                        .withSender(
                            SenderSettings.defaults().withSendInterval(Duration.ofMillis(20)))),
            Clock.systemUTC())) {
      Await.until(
          "every expected card text",
          () -> expected.stream().allMatch(t -> cardWith(demo, t)),
          Duration.ofSeconds(60));

      assertThat(expected).allSatisfy(text -> assertThat(cardWith(demo, text)).as(text).isTrue());
    }
  }

  private static boolean cardWith(Demo demo, String text) {
    return demo.slack().messages(Demo.CHANNEL).stream()
        .anyMatch(m -> m.blocks() != null && m.blocks().toString().contains(text));
  }

  private DemoOptions options(Duration evolveEvery) {
    return DemoOptions.defaults().withPort(0).withDataDir(dir).withEvolveEvery(evolveEvery);
  }

  /** A minimal bot built from the demo's configuration, as App.start would be. */
  private AutoCloseable standInBot(ConfigSource source) {
    Config config = ConfigLoader.load(source);
    Slack client = SlackApps.newSlack(config.slack().apiUrl());
    App app =
        SlackApps.newApp(
            client, config.slack().signingSecret().reveal(), config.slack().botToken().reveal());
    app.command(
        "/disputes",
        (req, ctx) -> {
          commands.add(req.getPayload().getText());
          return ctx.ack("stand-in heard " + req.getPayload().getText());
        });
    app.start();
    HttpHost host =
        new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 2);
    host.route("POST", "/slack/events", new BoltHandler(app));
    // Each account's webhook has its own path, as App.start routes them.
    config
        .accounts()
        .forEach(
            account ->
                host.route(
                    "POST",
                    account.webhookPath(),
                    request -> {
                      webhooks.add(request.bodyText());
                      return Response.empty(200);
                    }));
    host.start();
    return () -> {
      host.stop(Duration.ZERO);
      app.stop();
      client.close();
    };
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
