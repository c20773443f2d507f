package io.disputedesk.paypal;

import java.time.Duration;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Authorised calls to PayPal: adds the bearer token, refreshes it once on a 401, and turns any
 * other non-2xx reply into a {@link PayPalException}.
 */
final class PayPalApi {
  private final Transport transport;
  private final PayPalAuth auth;
  private final ErrorReader errors;
  private final HttpUrl baseUrl;

  /** Null for an app calling for its own account. */
  private final String assertion;

  PayPalApi(Transport transport, PayPalAuth auth, ErrorReader errors, HttpUrl baseUrl) {
    this(transport, auth, errors, baseUrl, null);
  }

  /** {@code assertion} (nullable) goes with every dispute call: a partner acting for a merchant. */
  PayPalApi(
      Transport transport, PayPalAuth auth, ErrorReader errors, HttpUrl baseUrl, String assertion) {
    this.transport = transport;
    this.auth = auth;
    this.errors = errors;
    this.baseUrl = baseUrl;
    this.assertion = assertion;
  }

  /** The configured base URL, e.g. {@code https://api-m.sandbox.paypal.com/}. */
  HttpUrl baseUrl() {
    return baseUrl;
  }

  /** The configured base URL with {@code path} (e.g. {@code v1/customer/disputes}) appended. */
  HttpUrl url(String path) {
    return baseUrl.newBuilder().addPathSegments(path).build();
  }

  /** A GET, retried on IO errors, 429 and 5xx. */
  Reply get(String operation, HttpUrl url) {
    return call(operation, false, token -> forMerchant(authorized(url, token)).get().build());
  }

  /** A request to {@code url} with the bearer {@code token}, asking for JSON. */
  private static Request.Builder authorized(HttpUrl url, String token) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  /**
   * Names the merchant a partner acts for; the partner's own calls (webhook verification) do not.
   */
  private Request.Builder forMerchant(Request.Builder request) {
    return assertion == null ? request : request.header(AuthAssertion.HEADER, assertion);
  }

  /**
   * A POST without side effects sent once, within {@code timeout} (webhook verification): an
   * outsider decides how often it runs, so it is never retried. A 401 still refreshes the token
   * once.
   */
  Reply postQuick(String operation, HttpUrl url, RequestBody body, Duration timeout) {
    return call(
        operation,
        false,
        request -> transport.sendQuick(operation, request, timeout),
        token -> authorized(url, token).post(body).build());
  }

  /** A dispute action: sent once; a 401 (not executed) is the only case sent again. */
  Reply postAction(String operation, HttpUrl url, RequestBody body, String requestId) {
    return call(
        operation,
        true,
        token ->
            forMerchant(authorized(url, token).header("PayPal-Request-Id", requestId))
                .post(body)
                .build());
  }

  /** A partial update (JSON Patch), sent once like an action. */
  Reply patchAction(String operation, HttpUrl url, RequestBody body, String requestId) {
    return call(
        operation,
        true,
        token -> authorized(url, token).header("PayPal-Request-Id", requestId).patch(body).build());
  }

  private Reply call(String operation, boolean action, Function<String, Request> build) {
    return call(operation, action, request -> send(operation, action, request), build);
  }

  private Reply call(
      String operation,
      boolean action,
      Function<Request, Reply> send,
      Function<String, Request> build) {
    String token = auth.token();
    Reply reply = send.apply(build.apply(token));
    if (reply.status() == 401) {
      auth.invalidate(token);
      reply = send.apply(build.apply(auth.token()));
    }
    if (!reply.isSuccess()) {
      throw errors.toException(operation, reply, action);
    }
    return reply;
  }

  private Reply send(String operation, boolean action, Request request) {
    return action
        ? transport.sendOnce(operation, request)
        : transport.sendRepeatable(operation, request);
  }
}
