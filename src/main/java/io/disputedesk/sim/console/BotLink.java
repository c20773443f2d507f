package io.disputedesk.sim.console;

import io.disputedesk.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs requests to the bot's Slack endpoint exactly as Slack does: signed with the signing secret.
 */
final class BotLink {
  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON = "application/json";

  /** What the bot answered; status 0 means it could not be reached. */
  record Reply(int status, String body, long millis) {
    boolean ok() {
      return status == 200;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  private final URI endpoint;
  private final Secret signingSecret;
  private final Clock clock;

  BotLink(URI endpoint, Secret signingSecret, Clock clock) {
    this.endpoint = endpoint;
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  /** Sends one body; never throws for network trouble, which becomes status 0. */
  Reply post(String contentType, String body) {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", sign(timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), elapsedMillis(start));
    } catch (IOException e) {
      return new Reply(0, e.getClass().getSimpleName(), elapsedMillis(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, "interrupted", elapsedMillis(start));
    }
  }

  private String sign(long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(signingSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public String toString() {
    return "BotLink[" + endpoint + "]";
  }
}
