package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one HTTP handler: records the request, applies faults and auth, then dispatches by route. */
final class SimRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SimRouter.class);
  private static final Pattern DISPUTE_ID = Pattern.compile("^[A-Za-z0-9-]{1,255}$");
  private static final int MAX_BODY = 64 * 1024 * 1024;
  private static final Pattern EMAIL = Pattern.compile("^.+@[^\"\\-].+$");

  private final SimulatorOptions options;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final Tokens tokens;
  private final SimAccounts accounts;
  private final SimDisputes store;
  private final DisputeJson json;
  private final ListEndpoint list;
  private final OrderEndpoints orders;
  private final SellerActions actions;
  private final Webhooks webhooks;
  private final TestValues testValues;
  private final Faults faults;
  private final List<SimRequest> log;
  private final CountDownLatch closing;

  SimRouter(
      SimulatorOptions options,
      ObjectMapper mapper,
      Tokens tokens,
      SimAccounts accounts,
      SimDisputes store,
      DisputeJson json,
      ListEndpoint list,
      OrderEndpoints orders,
      Webhooks webhooks,
      TestValues testValues,
      Faults faults,
      List<SimRequest> log,
      CountDownLatch closing) {
    this.accounts = accounts;
    this.options = options;
    this.clock = options.clock();
    this.mapper = mapper;
    this.tokens = tokens;
    this.store = store;
    this.json = json;
    this.list = list;
    this.orders = orders;
    this.actions = new SellerActions(json);
    this.webhooks = webhooks;
    this.testValues = testValues;
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
        return get(route.disputeId(), merchant);
      case "patch":
        checkMerchant(route.disputeId(), merchant);
        return patch(route.disputeId(), body);
      case "transactions-search":
        return orders.search(new QueryString(rawQuery));
      case "trackers-list":
        return orders.trackers(new QueryString(rawQuery));
      case "trackers-add":
        return orders.add(body, contentType);
      case "tracker-get":
        return orders.tracker(route.disputeId());
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
    checkMerchant(route.disputeId(), merchant);
    return action(route.operation(), route.disputeId(), contentType, body);
  }

  /** Another merchant's dispute does not exist for this caller. */
  private void checkMerchant(String id, String merchant) {
    if (id != null
        && store.read(id, d -> d.merchant).filter(merchant::equals).isEmpty()
        && store.contains(id)) {
      throw SimError.notFound(id);
    }
  }

  private SimResponse get(String id, String merchant) {
    checkId("get", id);
    ObjectNode detail =
        store
            .read(id, d -> d.merchant.equals(merchant) ? json.detail(d) : null)
            .orElseThrow(() -> SimError.notFound(id));
    return faults
        .takeSpoilt(id)
        .map(fault -> spoil(detail, fault))
        .orElseGet(() -> SimResponse.ok(detail));
  }

  private SimResponse spoil(ObjectNode detail, DetailsFault fault) {
    if (fault == DetailsFault.MISSING_AMOUNT) {
      detail.remove("dispute_amount");
      return SimResponse.ok(detail);
    }
    String text = detail.toString();
    return SimResponse.raw(
        text.substring(0, text.length() / 2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private SimResponse action(String operation, String id, String contentType, byte[] body) {
    checkId(operation, id);
    ActionInput input =
        ActionInput.parse(
            contentType, body, mapper, SellerActions.MULTIPART_ONLY.contains(operation));
    Instant now = SimTime.millis(clock.instant());
    if (!store.update(id, d -> actions.apply(operation, d, input, now))) {
      throw SimError.notFound(id);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.putArray("links").add(DisputeJson.link(json.disputeUrl(id), "self", "GET"));
    return SimResponse.ok(out);
  }

  /** PATCH supports what a merchant may change: {@code /communication_details}. */
  private SimResponse patch(String id, byte[] body) {
    checkId("patch", id);
    JsonNode ops;
    try {
      ops = mapper.readTree(body);
    } catch (IOException e) {
      throw SimError.invalid(
          null, null, "MALFORMED_REQUEST_JSON", "The request JSON is not well formed.");
    }
    if (ops == null || !ops.isArray() || ops.isEmpty()) {
      throw SimError.invalid(
          null, null, "MALFORMED_REQUEST_JSON", "The body must be a JSON Patch array.");
    }
    for (int i = 0; i < ops.size(); i++) {
      JsonNode op = ops.get(i);
      String kind = op.path("op").asText();
      if (!(kind.equals("add") || kind.equals("replace"))
          || !"/communication_details".equals(op.path("path").asText())
          || !op.path("value").isObject()) {
        throw SimError.invalid(
            "/" + i + "/path",
            op.path("path").asText(),
            "INVALID_PARAMETER_VALUE",
            "Only add or replace of /communication_details with an object is supported.");
      }
      checkContact(op.get("value"), "/" + i + "/value");
    }
    Instant now = SimTime.millis(clock.instant());
    boolean found =
        store.update(
            id,
            d -> {
              for (JsonNode op : ops) {
                ObjectNode details = op.get("value").deepCopy();
                details.put("time_posted", SimTime.format(now));
                d.communicationDetails = details;
              }
            });
    if (!found) {
      throw SimError.notFound(id);
    }
    return SimResponse.noContent();
  }

  /**
   * The spec's {@code communication_details}: an email address and a note of 1 to 2000 characters.
   */
  private static void checkContact(JsonNode value, String at) {
    JsonNode email = value.get("email");
    if (email != null
        && (!email.isTextual()
            || email.asText().length() < 3
            || email.asText().length() > 254
            || !EMAIL.matcher(email.asText()).matches())) {
      throw SimError.invalid(
          at + "/email", email.asText(), "INVALID_PARAMETER_SYNTAX", "Not an email address.");
    }
    JsonNode note = value.get("note");
    if (note != null
        && (!note.isTextual() || note.asText().isEmpty() || note.asText().length() > 2000)) {
      throw SimError.invalid(
          at + "/note", null, "INVALID_STRING_LENGTH", "The note is 1 to 2000 characters.");
    }
  }

  private void checkId(String operation, String id) {
    testValues
        .errorFor(operation, id)
        .ifPresent(
            e -> {
              throw e;
            });
    if (id == null || !DISPUTE_ID.matcher(id).matches()) {
      throw SimError.badRequest(
          "id",
          id,
          "path",
          "INVALID_PARAMETER_SYNTAX",
          "The dispute id must match ^[A-Za-z0-9-]+$ and be 1 to 255 characters.");
    }
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
