package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.sim.slack.LocalSlack;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives Socket Mode against a local fake of Slack's Socket Mode WebSocket endpoint. */
class SocketModeRunnerTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final BlockingQueue<JsonNode> acks = new LinkedBlockingQueue<>();
  private final CountDownLatch connected = new CountDownLatch(1);
  private LocalSlack slack;
  private FakeSocketModeServer server;
  private volatile WebSocket socket;

  @BeforeEach
  void start() throws Exception {
    slack = LocalSlack.start();
    server = new FakeSocketModeServer();
    server.start();
    server.started.await(5, TimeUnit.SECONDS);
    slack.socketModeUrl("ws://127.0.0.1:" + server.getPort() + "/link");
  }

  @AfterEach
  void stop() throws Exception {
    server.stop(1000);
    slack.close();
  }

  @Test
  void slashCommandsAndEventsArriveOverTheSocketAndAreAcknowledged() throws Exception {
    App app =
        SlackApps.newApp(
            SlackApps.newSlack(slack.apiUrl()), "unused-in-socket-mode", slack.botToken());
    CountDownLatch homeOpened = new CountDownLatch(1);
    app.command(Ids.COMMAND, (req, ctx) -> ctx.ack("You asked: " + req.getPayload().getText()));
    app.event(
        AppHomeOpenedEvent.class,
        (req, ctx) -> {
          homeOpened.countDown();
          return ctx.ack();
        });
    try (SocketModeRunner runner = runner(app)) {
      runner.start();
      assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
      socket.send(resource("socket_mode_hello.json"));
      socket.send(resource("socket_mode_slash_command.json"));

      JsonNode ack = acks.poll(10, TimeUnit.SECONDS);
      assertThat(ack).isNotNull();
      assertThat(ack.path("envelope_id").asText())
          .isEqualTo("0b8f1c2e-0000-4000-8000-000000000001");
      assertThat(ack.path("payload").path("text").asText()).isEqualTo("You asked: open D-1042");

      socket.send(resource("socket_mode_events_api.json"));
      JsonNode eventAck = acks.poll(10, TimeUnit.SECONDS);
      assertThat(eventAck).isNotNull();
      assertThat(eventAck.path("envelope_id").asText()).isNotBlank();
      assertThat(homeOpened.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(slack.calls("apps.connections.open")).isNotEmpty();
  }

  @Test
  void requestsAreAnsweredSideBySideNotOneAfterAnother() throws Exception {
    App app = app();
    CountDownLatch secondStarted = new CountDownLatch(1);
    app.command(
        Ids.COMMAND,
        (req, ctx) -> {
          if (req.getPayload().getText().equals("second")) {
            secondStarted.countDown();
            return ctx.ack("second done");
          }
          // The first waits for the second: answered one at a time, neither would finish.
          return ctx.ack(waited(secondStarted) ? "first done" : "first alone");
        });
    try (SocketModeRunner runner = runner(app)) {
      runner.start();
      assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
      socket.send(command("env-1", "first"));
      socket.send(command("env-2", "second"));

      JsonNode one = acks.poll(10, TimeUnit.SECONDS);
      JsonNode two = acks.poll(10, TimeUnit.SECONDS);
      assertThat(List.of(one, two))
          .extracting(a -> a.path("payload").path("text").asText())
          // "first done": the first saw the second begin while it was still being answered.
          .containsExactlyInAnyOrder("second done", "first done");
    }
  }

  @Test
  void aCardClickOverTheSocketReachesItsHandlerWithItsPayload() throws Exception {
    App app = app();
    List<String> clicked = new CopyOnWriteArrayList<>();
    app.blockAction(
        Pattern.compile(".*"),
        (req, ctx) -> {
          clicked.add(
              req.getPayload().getUser().getId()
                  + " "
                  + req.getPayload().getActions().get(0).getValue()
                  + " "
                  + ctx.getTriggerId());
          return ctx.ack();
        });
    try (SocketModeRunner runner = runner(app)) {
      runner.start();
      assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
      socket.send(resource("socket_mode_interactive.json"));

      JsonNode ack = acks.poll(10, TimeUnit.SECONDS);
      assertThat(ack).isNotNull();
      assertThat(ack.path("envelope_id").asText())
          .isEqualTo("0b8f1c2e-0000-4000-8000-000000000002");
      assertThat(ack.has("payload")).isFalse();
      JsonNode payload = mapper.readTree(resource("socket_mode_interactive.json")).path("payload");
      assertThat(clicked)
          .containsExactly(
              payload.path("user").path("id").asText()
                  + " "
                  + payload.path("actions").path(0).path("value").asText()
                  + " "
                  + payload.path("trigger_id").asText());
    }
  }

  @Test
  void aRevokedTokenOverTheSocketPausesSlackWritesAsOverHttp() throws Exception {
    App app = app();
    SlackAuthMonitor auth = new SlackAuthMonitor(app.slack().methods(slack.botToken()));
    try (SocketModeRunner runner =
        new SocketModeRunner(
            slack.appToken(),
            app,
            new BoltHandler(app, auth, Clock.systemUTC()),
            BoundedExecutors.fixed("test-socket", 4, 8))) {
      runner.start();
      assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
      ObjectNode envelope = mapper.createObjectNode();
      envelope.put("envelope_id", "env-revoked").put("type", "events_api");
      ObjectNode payload = envelope.putObject("payload");
      payload.put("type", "event_callback").put("team_id", "T0A1B2C3D").put("api_app_id", "A1");
      payload.put("event_id", "Ev1").put("event_time", 1732700000);
      payload
          .putObject("event")
          .put("type", "tokens_revoked")
          .putObject("tokens")
          .putArray("bot")
          .add("U0BOT");
      socket.send(mapper.writeValueAsString(envelope));

      JsonNode ack = acks.poll(10, TimeUnit.SECONDS);
      assertThat(ack).isNotNull();
      assertThat(ack.path("envelope_id").asText()).isEqualTo("env-revoked");
      assertThat(auth.writesPaused()).isTrue();
    }
  }

  private static boolean waited(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private App app() {
    return SlackApps.newApp(
        SlackApps.newSlack(slack.apiUrl()), "unused-in-socket-mode", slack.botToken());
  }

  private SocketModeRunner runner(App app) {
    return new SocketModeRunner(
        slack.appToken(), app, new BoltHandler(app), BoundedExecutors.fixed("test-socket", 4, 8));
  }

  private String command(String envelopeId, String text) throws IOException {
    ObjectNode envelope = (ObjectNode) mapper.readTree(resource("socket_mode_slash_command.json"));
    envelope.put("envelope_id", envelopeId);
    ((ObjectNode) envelope.path("payload")).put("text", text);
    return mapper.writeValueAsString(envelope);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        SocketModeRunnerTest.class.getResourceAsStream("/slack/payloads/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private final class FakeSocketModeServer extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    FakeSocketModeServer() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      socket = conn;
      connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      try {
        acks.add(mapper.readTree(message));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
