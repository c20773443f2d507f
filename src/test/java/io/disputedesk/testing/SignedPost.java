package io.disputedesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends Slack request bodies over real HTTP, signed (or deliberately not). */
public final class SignedPost {
  /** What came back. */
  public record Reply(int status, String body, HttpHeaders headers) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final HttpClient client;
  private final URI endpoint;
  private final SlackSigner signer;

  public SignedPost(URI endpoint, SlackSigner signer) {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), endpoint, signer);
  }

  public SignedPost(HttpClient client, URI endpoint, SlackSigner signer) {
    this.client = client;
    this.endpoint = endpoint;
    this.signer = signer;
  }

  /** POSTs with a fresh signature. */
  public Reply send(SlackBody body) {
    return send(body, Map.of());
  }

  /** POSTs with a fresh signature plus extra headers (e.g. {@code X-Slack-Retry-Num}). */
  public Reply send(SlackBody body, Map<String, String> extraHeaders) {
    return raw(
        body.contentType(),
        body.body().getBytes(StandardCharsets.UTF_8),
        with(signer.headers(body.body()), extraHeaders));
  }

  /** POSTs signed as of {@code epochSeconds}, e.g. to send a stale request. */
  public Reply sendAt(SlackBody body, long epochSeconds) {
    return raw(
        body.contentType(),
        body.body().getBytes(StandardCharsets.UTF_8),
        signer.headers(body.body(), epochSeconds));
  }

  /** POSTs exactly these bytes with exactly these headers: no signature is added. */
  public Reply raw(String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while posting to " + endpoint, e);
    }
  }

  private static Map<String, String> with(Map<String, String> base, Map<String, String> extra) {
    LinkedHashMap<String, String> all = new LinkedHashMap<>(base);
    all.putAll(extra);
    return all;
  }
}
