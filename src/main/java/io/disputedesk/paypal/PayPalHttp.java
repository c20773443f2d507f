package io.disputedesk.paypal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What every account's {@link PayPalClient} shares, built once: the transport on the one OkHttp
 * client with its retry policy, the reader of PayPal's errors and the writer of action bodies.
 */
public final class PayPalHttp {
  private final ObjectMapper mapper;
  private final RetryPolicy retry = RetryPolicy.standard();
  private final Transport transport;
  private final ErrorReader errors;
  private final ActionBodies bodies;
  private final Duration callTimeout;

  /** {@code observer} hears of every call (metrics); {@code sleeper} waits between retries. */
  public PayPalHttp(
      OkHttpClient http, ObjectMapper mapper, Sleeper sleeper, PayPalCallObserver observer) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.callTimeout = Duration.ofMillis(http.callTimeoutMillis());
    this.transport = new Transport(http, sleeper, observer, retry);
    this.errors = new ErrorReader(mapper);
    this.bodies = new ActionBodies(mapper);
  }

  ObjectMapper mapper() {
    return mapper;
  }

  RetryPolicy retry() {
    return retry;
  }

  Transport transport() {
    return transport;
  }

  ErrorReader errors() {
    return errors;
  }

  ActionBodies bodies() {
    return bodies;
  }

  /** The OkHttp client's call timeout (zero: none). */
  Duration callTimeout() {
    return callTimeout;
  }
}
