package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.disputedesk.sim.slack.LocalSlack;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
    try (SocketModeRunner runner = new SocketModeRunner(slack.appToken(), app)) {
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
