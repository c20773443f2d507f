package io.disputedesk.paypal;

import io.disputedesk.json.Json;
import io.disputedesk.testing.ShiftableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer standing in for PayPal, with a client wired to it the way the app wires one. */
final class PayPalServer implements AutoCloseable {
  static final String CLIENT_ID = "test-client-id";
  static final String SECRET = "s3cr3t-Client-Secret-Value";
  static final String TOKEN = "A21AAFakeTokenForTestsOnly0123456789abcdefghijklmnopqrstuvwxyz";

  final MockWebServer server = new MockWebServer();
  final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  final RecordingSleeper sleeper = new RecordingSleeper();
  final RecordingObserver observer = new RecordingObserver();
  final OkHttpClient http;
  final PayPalClient client;

  PayPalServer() {
    this(Duration.ofSeconds(5));
  }

  PayPalServer(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http =
        new OkHttpClient.Builder()
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(readTimeout)
            .build();
    client = new PayPalClient(http, Json.newMapper(), credentials(), clock, sleeper, observer);
  }

  PayPalCredentials credentials() {
    return new PayPalCredentials(server.url("/").toString(), CLIENT_ID, SECRET);
  }

  /** Queues the sample token response (expires_in 32400 s). */
  PayPalServer token() {
    return enqueue(json(200, Fixtures.text("oauth2-token-response.json")));
  }

  PayPalServer token(String accessToken, long expiresIn) {
    return enqueue(
        json(
            200,
            "{\"access_token\":\""
                + accessToken
                + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":"
                + expiresIn
                + "}"));
  }

  PayPalServer enqueue(MockResponse response) {
    server.enqueue(response);
    return this;
  }

  PayPalServer enqueueJson(int status, String body) {
    return enqueue(json(status, body));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("expected another request to the fake PayPal");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Takes the token request and then the next one, which the test is about. */
  RecordedRequest takeAfterToken() {
    RecordedRequest token = take();
    if (!token.getPath().equals("/v1/oauth2/token")) {
      throw new AssertionError("expected the token request first, got " + token.getPath());
    }
    return take();
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
