package io.disputedesk.sim.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.testing.ShiftableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/** A {@link LocalSlack} on a hand-moved clock plus an SDK client and a raw HTTP client for it. */
final class LocalSlackFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2024-11-27T09:33:20Z");

  final ShiftableClock clock = new ShiftableClock(START);
  final LocalSlack slack = LocalSlack.start(LocalSlack.Settings.defaults().withClock(clock));
  final Slack sdk = SlackApps.newSlack(slack.apiUrl());
  final MethodsClient api = sdk.methods(slack.botToken());
  private final HttpClient http = HttpClient.newHttpClient();

  /** POSTs a raw body to {@code /api/<method>} with the given headers. */
  HttpResponse<String> raw(
      String method, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Map<String, String> bearer() {
    return Map.of("Authorization", "Bearer " + slack.botToken());
  }

  @Override
  public void close() {
    try {
      sdk.close();
    } catch (Exception e) {
      throw new IllegalStateException("Slack client did not close", e);
    }
    slack.close();
  }
}
