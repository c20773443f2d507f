package io.disputedesk.paypal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Sends requests to PayPal, retrying only the ones that are safe to repeat, and logs each one. */
final class Transport {
  private static final Logger log = LoggerFactory.getLogger(Transport.class);

  private final OkHttpClient http;
  private final OkHttpClient oneShotHttp;
  private final Sleeper sleeper;
  private final PayPalCallObserver observer;
  private final RetryPolicy retry;

  Transport(OkHttpClient http, Sleeper sleeper, PayPalCallObserver observer, RetryPolicy retry) {
    this.http = http;
    // OkHttp may silently resend a request after some connection failures; an action must go out
    // at most once, so actions use a sibling client (same pool) with that switched off.
    this.oneShotHttp = http.newBuilder().retryOnConnectionFailure(false).build();
    this.sleeper = sleeper;
    this.observer = observer;
    this.retry = retry;
  }

  /**
   * Sends a request that may be repeated (GETs, token), retrying on IO errors, 429 and 5xx. Returns
   * the last reply, whatever its status.
   */
  Reply sendRepeatable(String operation, Request request) {
    for (int attempt = 1; ; attempt++) {
      Reply reply;
      try {
        reply = exchange(operation, request, http);
      } catch (IOException e) {
        if (attempt >= retry.maxAttempts()) {
          throw new PayPalException(operation, "PayPal could not be reached (" + e + ")", e);
        }
        pause(operation, backoff(attempt));
        continue;
      }
      if (!reply.isRetryable() || attempt >= retry.maxAttempts()) {
        return reply;
      }
      Duration wait = RetryPolicy.retryAfter(reply.retryAfter()).orElse(backoff(attempt));
      if (wait.compareTo(retry.maxRetryAfter()) > 0) {
        return reply;
      }
      pause(operation, wait);
    }
  }

  /**
   * Sends a request that has no side effects once, giving up after {@code timeout}: no retry, no
   * backoff, no silent re-send by OkHttp. For work on a request thread that an outsider can start
   * (webhook verification), where a retried call would multiply the attacker's effect.
   */
  Reply sendQuick(String operation, Request request, Duration timeout) {
    try {
      return exchange(operation, request, oneShotHttp.newBuilder().callTimeout(timeout).build());
    } catch (IOException e) {
      throw new PayPalException(
          operation, "PayPal did not answer within " + timeout.toMillis() + " ms (" + e + ")", e);
    }
  }

  /**
   * Sends a request exactly once (dispute actions). When the request may have reached PayPal but no
   * answer came, throws {@link ActionOutcomeUnknownException}.
   */
  Reply sendOnce(String operation, Request request) {
    try {
      return exchange(operation, request, oneShotHttp);
    } catch (ConnectException | UnknownHostException e) {
      throw new PayPalException(
          operation, "PayPal could not be reached; nothing was sent (" + e + ")", e);
    } catch (IOException e) {
      throw new ActionOutcomeUnknownException(
          operation,
          0,
          null,
          "no answer from PayPal (" + e + "); re-read the dispute before retrying",
          null,
          List.of(),
          e);
    }
  }

  private Reply exchange(String operation, Request request, OkHttpClient client)
      throws IOException {
    long start = System.nanoTime();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String debugId = response.header("Paypal-Debug-Id");
      record(operation, request, response.code(), took, debugId);
      return new Reply(response.code(), text, debugId, response.header("Retry-After"));
    } catch (IOException e) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      observe(operation, 0, took);
      log.warn(
          "paypal {} {} {} failed after {} ms: {}",
          operation,
          request.method(),
          request.url().encodedPath(),
          took.toMillis(),
          e.toString());
      throw e;
    }
  }

  private void record(
      String operation, Request request, int status, Duration took, String debugId) {
    observe(operation, status, took);
    // Method, path and status only: headers and bodies may carry tokens or the client secret.
    log.atLevel(status >= 400 ? Level.WARN : Level.INFO)
        .log(
            "paypal {} {} {} -> {} in {} ms debug_id={}",
            operation,
            request.method(),
            request.url().encodedPath(),
            status,
            took.toMillis(),
            debugId);
  }

  private void observe(String operation, int status, Duration took) {
    try {
      observer.onCall(operation, status, took);
    } catch (RuntimeException e) {
      // Metrics must not turn a finished PayPal call into a failure.
      log.warn("PayPal call observer failed for {}", operation, e);
    }
  }

  private Duration backoff(int attempt) {
    return retry.backoff(attempt, ThreadLocalRandom.current()::nextDouble);
  }

  private void pause(String operation, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PayPalException(operation, "interrupted while waiting to retry", e);
    }
  }
}
