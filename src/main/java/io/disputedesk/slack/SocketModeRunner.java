package io.disputedesk.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.json.GsonFactory;
import io.disputedesk.http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the Bolt app to Slack over Socket Mode (no public URL): requests arrive over a WebSocket
 * the bot dials out on and are answered by the same {@link BoltHandler} checks and handlers as over
 * HTTP, on a bounded pool of threads as many as the HTTP front door has. Bolt's own Socket Mode
 * runner would answer them one at a time on the socket's thread (a click waiting behind every other
 * click's {@code views.open}) and skip the front door's checks. An envelope the pool has no room
 * for is not acknowledged: Slack sends events again, and a person sees Slack's own error.
 */
public final class SocketModeRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);
  private static final Gson GSON = GsonFactory.createSnakeCase();
  private static final Set<String> REQUESTS = Set.of("events_api", "interactive", "slash_commands");

  private final SocketModeApp socketModeApp;
  private final ExecutorService work;

  /**
   * @param work runs each request; bounded, so a flood of envelopes is refused, not queued
   */
  public SocketModeRunner(String appToken, App app, BoltHandler handler, ExecutorService work) {
    this.work = work;
    this.socketModeApp = new SocketModeApp(() -> connect(appToken, app, handler, work), app);
  }

  private static SocketModeClient connect(
      String appToken, App app, BoltHandler handler, ExecutorService work) {
    try {
      SocketModeClient client =
          app.slack().socketMode(appToken, SocketModeClient.Backend.JavaWebSocket);
      client.addWebSocketMessageListener(message -> receive(client, handler, work, message));
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException("Socket Mode could not connect to Slack", e);
    }
  }

  private static void receive(
      SocketModeClient client, BoltHandler handler, ExecutorService work, String message) {
    Envelope envelope;
    try {
      envelope = Envelope.of(GSON.fromJson(message, JsonElement.class));
    } catch (JsonParseException | IllegalStateException e) {
      log.info("Ignored a Socket Mode message that is not JSON ({})", e.getClass().getSimpleName());
      return;
    }
    if (envelope == null) {
      return; // hello, disconnect warnings and the like: the client handles those
    }
    try {
      work.execute(() -> answer(client, handler, envelope));
    } catch (RejectedExecutionException e) {
      log.warn("Socket Mode {} not taken: every Slack request thread is busy", envelope.type());
    }
  }

  private static void answer(SocketModeClient client, BoltHandler handler, Envelope envelope) {
    Response answer = handler.handleSocketMode(envelope.payload(), envelope.headers());
    if (answer.status() != 200) {
      // As over HTTP: a request we refuse is not acknowledged as handled.
      log.info("Socket Mode {} refused with {}", envelope.type(), answer.status());
      return;
    }
    JsonObject reply = new JsonObject();
    reply.addProperty("envelope_id", envelope.id());
    if (answer.body().length > 0) {
      String body = new String(answer.body(), StandardCharsets.UTF_8);
      boolean json =
          answer.headers().first("Content-Type").orElse("").startsWith("application/json");
      if (json) {
        reply.add("payload", GSON.fromJson(body, JsonElement.class));
      } else {
        JsonObject text = new JsonObject();
        text.addProperty("text", body);
        reply.add("payload", text);
      }
    }
    client.sendSocketModeResponse(GSON.toJson(reply));
  }

  /** A Socket Mode envelope carrying a request: its id, its payload and Slack's retry headers. */
  private record Envelope(
      String type, String id, String payload, Map<String, List<String>> headers) {
    /** The request envelope {@code message} is, or null for the socket's own messages. */
    static Envelope of(JsonElement message) {
      if (message == null || !message.isJsonObject()) {
        return null;
      }
      JsonObject o = message.getAsJsonObject();
      String type = text(o, "type");
      String id = text(o, "envelope_id");
      JsonElement payload = o.get("payload");
      if (type == null || !REQUESTS.contains(type) || id == null || payload == null) {
        return null;
      }
      Map<String, List<String>> headers = new HashMap<>();
      String retryNum = text(o, "retry_attempt");
      if (retryNum != null) {
        headers.put("X-Slack-Retry-Num", List.of(retryNum));
      }
      String retryReason = text(o, "retry_reason");
      if (retryReason != null) {
        headers.put("X-Slack-Retry-Reason", List.of(retryReason));
      }
      return new Envelope(type, id, GSON.toJson(payload), headers);
    }

    private static String text(JsonObject o, String field) {
      JsonElement value = o.get(field);
      return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }
  }

  /** Opens the connection without blocking. */
  public void start() {
    try {
      socketModeApp.startAsync();
    } catch (Exception e) {
      throw new IllegalStateException("Socket Mode could not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      socketModeApp.close();
    } catch (Exception e) {
      throw new IllegalStateException("Socket Mode did not close cleanly: " + e.getMessage(), e);
    } finally {
      work.shutdown();
      try {
        work.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
