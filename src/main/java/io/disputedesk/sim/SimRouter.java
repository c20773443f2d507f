package io.disputedesk.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one HTTP handler: records the request, applies faults and auth, then dispatches by route. */
final class SimRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SimRouter.class);
  private static final int MAX_BODY = 64 * 1024 * 1024;

  private final SimulatorOptions options;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final Tokens tokens;
  private final SimAccounts accounts;
  private final DisputeEndpoints disputes;
  private final ListEndpoint list;
  private final TransactionSearch search;
  private final ShipmentTracking tracking;
  private final Webhooks webhooks;
  private final Faults faults;
  private final List<SimRequest> log;
  private final CountDownLatch closing;

  SimRouter(
      SimulatorOptions options,
      ObjectMapper mapper,
      Tokens tokens,
      SimAccounts accounts,
      DisputeEndpoints disputes,
      ListEndpoint list,
      TransactionSearch search,
      ShipmentTracking tracking,
      Webhooks webhooks,
      Faults faults,
      List<SimRequest> log,
      CountDownLatch closing) {
    this.accounts = accounts;
    this.options = options;
    this.clock = options.clock();
    this.mapper = mapper;
    this.tokens = tokens;
    this.disputes = disputes;
    this.list = list;
    this.search = search;
    this.tracking = tracking;
    this.webhooks = webhooks;
    this.faults = faults;
    this.log = log;
    this.closing = closing;
  }

  @Override
  public void handle(HttpExchange ex) {
    String debugId = SimIds.debugId();
    try {
      String method = ex.getRequestMethod();
      ApiRoute route = ApiRoute.resolve(method, ex.getRequestURI().getRawPath());
      byte[] body = readBody(ex.getRequestBody());
      String rawQuery = ex.getRequestURI().getRawQuery();
      log.add(
          new SimRequest(
              route.operation(),
              method,
              ex.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery),
              headers(ex),
              body == null ? new byte[0] : body,
              clock.instant()));
      SimResponse response;
      boolean hang = false;
      try {
        if (body == null) {
          throw SimError.unprocessable(
              null, null, "INVALID_EVIDENCE_FILE", "The request is larger than 64 MB.");
        }
        if (route.operation().equals(ApiRoute.UNKNOWN)) {
          throw SimError.of(
              404,
              "RESOURCE_NOT_FOUND",
              "The specified resource does not exist.",
              List.of(
                  new SimError.Detail(
                      null, null, "path", "INVALID_RESOURCE_PATH", "No such endpoint.")));
        }
        if (!route.methods().contains(method)) {
          throw SimError.forStatus(405, "METHOD_NOT_SUPPORTED")
              .withHeader("Allow", String.join(", ", route.methods()));
        }
        var injected = faults.takeError(route.operation(), route.disputeId());
        if (injected.isPresent()) {
          throw injected.get();
        }
        hang = faults.takeHang(route.operation());
        Duration slow = faults.delayOf(route.operation());
        if (!slow.isZero()) {
          Thread.sleep(slow.toMillis());
        }
        response = dispatch(route, ex, body, rawQuery);
      } catch (SimError e) {
        response = new SimResponse(e.status, e.body(debugId), e.headers);
      }
      if (response.raw() != null) {
        writeRaw(ex, response.raw(), debugId);
        return;
      }
      if (hang) {
        // Outcome unknown: whatever the call did stays done, but the caller never hears back.
        closing.await(options.hangTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      write(ex, response, debugId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.warn("simulator failed to answer a request (debug id {})", debugId, e);
      try {
        write(
            ex,
            new SimResponse(
                500, SimError.forStatus(500, "INTERNAL_SERVICE_ERROR").body(debugId), Map.of()),
            debugId);
      } catch (IOException | RuntimeException ignored) {
        // The connection is gone; closing it below is all that is left to do.
      }
    } finally {
      ex.close();
    }
  }

  private SimResponse dispatch(ApiRoute route, HttpExchange ex, byte[] body, String rawQuery)
      throws InterruptedException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    if (route.operation().equals("token")) {
      return tokens.issue(auth, body, contentType);
    }
    String app = tokens.check(auth);
    if (route.operation().equals("verify-webhook-signature")) {
      // The partner's own call: a webhook belongs to the app it was created in.
      return webhooks.verify(webhooks.parse(body), accounts.webhookIdOf(app));
    }
    String merchant =
        accounts.merchantFor(app, ex.getRequestHeaders().getFirst("PayPal-Auth-Assertion"));
    switch (route.operation()) {
      case "list":
        return list.list(new QueryString(rawQuery), merchant);
      case "get":
        return disputes.get(route.disputeId(), merchant);
      case "patch":
        return disputes.patch(route.disputeId(), merchant, body);
      case "transactions-search":
        return search.search(new QueryString(rawQuery));
      case "trackers-list":
        return tracking.trackers(new QueryString(rawQuery));
      case "trackers-add":
        return tracking.add(body, contentType);
      case "tracker-get":
        return tracking.tracker(route.disputeId());
      default:
        break;
    }
    if (route.isBuyerAction()) {
      throw SimError.notAuthorized();
    }
    Duration delay = faults.actionDelay();
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    return disputes.action(route.operation(), route.disputeId(), merchant, contentType, body);
  }

  private void write(HttpExchange ex, SimResponse response, String debugId) throws IOException {
    ex.getResponseHeaders().set("Paypal-Debug-Id", debugId);
    response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    if (response.body() == null) {
      ex.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = mapper.writeValueAsBytes(response.body());
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void writeRaw(HttpExchange ex, byte[] bytes, String debugId) throws IOException {
    ex.getResponseHeaders().set("Paypal-Debug-Id", debugId);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The body, or null when it is larger than the simulator accepts. */
  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    }
  }

  private static Map<String, List<String>> headers(HttpExchange ex) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ex.getRequestHeaders().forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }
}
