package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Transaction Search ({@code GET /v1/reporting/transactions}) and Shipment Tracking ({@code GET}
 * and {@code POST /v1/shipping/trackers}, {@code GET /v1/shipping/trackers/{id}}) over the
 * simulated disputes' orders, with PayPal's parameter checks and its 403 for a missing feature.
 */
final class OrderEndpoints {
  private static final Duration MAX_RANGE = Duration.ofDays(31);
  private static final Set<String> FIELDS =
      Set.of(
          "all",
          "transaction_info",
          "payer_info",
          "shipping_info",
          "auction_info",
          "cart_info",
          "incentive_info",
          "store_info");
  private static final Pattern SEARCH_ID = Pattern.compile("^[A-Za-z0-9]{17,19}$");
  private static final Pattern TRACKER_TXN = Pattern.compile("^[a-zA-Z0-9]{1,50}$");
  private static final Pattern CARRIER = Pattern.compile("^[A-Z0-9_]{1,64}$");
  private static final Pattern DATE =
      Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])$");
  static final Set<String> STATUSES =
      Set.of(
          "CANCELLED",
          "DELIVERED",
          "LOCAL_PICKUP",
          "ON_HOLD",
          "SHIPPED",
          "SHIPMENT_CREATED",
          "DROPPED_OFF",
          "IN_TRANSIT",
          "RETURNED",
          "LABEL_PRINTED",
          "ERROR",
          "UNCONFIRMED",
          "PICKUP_FAILED",
          "DELIVERY_DELAYED",
          "DELIVERY_SCHEDULED",
          "DELIVERY_FAILED",
          "INRETURN",
          "IN_PROCESS",
          "NEW",
          "VOID",
          "PROCESSED",
          "NOT_SHIPPED",
          "COMPLETED");

  private final SimDisputes store;
  private final OrderJson json;
  private final SimPermissions permissions;
  private final ObjectMapper mapper;
  private final Clock clock;

  OrderEndpoints(
      SimDisputes store,
      OrderJson json,
      SimPermissions permissions,
      ObjectMapper mapper,
      Clock clock) {
    this.store = store;
    this.json = json;
    this.permissions = permissions;
    this.mapper = mapper;
    this.clock = clock;
  }

  // ---- Transaction Search ----

  SimResponse search(QueryString q) {
    if (!permissions.transactionSearch()) {
      throw SimError.notAuthorized();
    }
    Instant start = date(q, "start_date");
    Instant end = date(q, "end_date");
    if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw SimError.query(
          "end_date",
          q.get("end_date"),
          "INVALID_DATE_RANGE",
          "The end date must be after the start date, and the range at most 31 days.");
    }
    String id = q.get("transaction_id");
    if (id != null && !SEARCH_ID.matcher(id).matches()) {
      throw SimError.query(
          "transaction_id",
          id,
          "INVALID_PARAMETER_SYNTAX",
          "A transaction ID is 17 characters long, an order ID 19.");
    }
    Set<String> fields = fields(q);
    int pageSize = number(q, "page_size", 100, 500);
    int page = number(q, "page", 1, Integer.MAX_VALUE);
    Instant now = clock.instant();
    List<ObjectNode> found = new ArrayList<>();
    if (id != null) {
      Optional<Boolean> denied = store.byTransaction(id, d -> d.order.searchDenied);
      if (denied.orElse(false)) {
        throw SimError.notAuthorized();
      }
      store
          .byTransaction(id, d -> inWindow(d, start, end, now) ? json.transaction(d, fields) : null)
          .ifPresent(found::add);
    } else {
      found.addAll(
          store.all(
              s ->
                  s.filter(d -> !d.order.searchDenied && inWindow(d, start, end, now))
                      .sorted((a, b) -> a.transactionTime.compareTo(b.transactionTime))
                      .map(d -> json.transaction(d, fields))
                      .toList()));
    }
    int total = found.size();
    int from = (int) Math.min((long) (page - 1) * pageSize, total);
    List<ObjectNode> slice = found.subList(from, Math.min(from + pageSize, total));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.putArray("transaction_details").addAll(slice);
    out.put("account_number", DisputeJson.MERCHANT_ID);
    out.put("start_date", SimTime.formatSeconds(start));
    out.put("end_date", SimTime.formatSeconds(end));
    out.put("last_refreshed_datetime", SimTime.formatSeconds(now.minus(SimOrder.REPORTING_LAG)));
    out.put("page", page);
    out.put("total_items", total);
    out.put("total_pages", Math.max(1, (total + pageSize - 1) / pageSize));
    out.putArray("links")
        .add(json.link(json.url("/v1/reporting/transactions?" + query(q)), "self", "GET"));
    return SimResponse.ok(out);
  }

  private static boolean inWindow(SimDispute d, Instant start, Instant end, Instant now) {
    return !d.transactionTime.isBefore(start)
        && !d.transactionTime.isAfter(end)
        && SimOrder.listed(d.transactionTime, now);
  }

  private static Instant date(QueryString q, String name) {
    String value = q.get(name);
    if (value == null) {
      throw SimError.query(name, null, "MISSING_REQUIRED_PARAMETER", name + " is required.");
    }
    return SimTime.parse(value)
        .orElseThrow(
            () ->
                SimError.query(
                    name,
                    value,
                    "INVALID_PARAMETER_SYNTAX",
                    "Use the Internet date and time format with seconds, e.g. 2026-11-03T10:00:00Z."));
  }

  private static Set<String> fields(QueryString q) {
    String value = q.get("fields");
    Set<String> fields = new LinkedHashSet<>();
    for (String f : (value == null || value.isBlank() ? "transaction_info" : value).split(",")) {
      if (!FIELDS.contains(f.strip())) {
        throw SimError.query(
            "fields", value, "INVALID_PARAMETER_VALUE", "Unknown field " + f.strip() + ".");
      }
      fields.add(f.strip());
    }
    return fields;
  }

  private static int number(QueryString q, String name, int fallback, int max) {
    String value = q.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw SimError.query(
        name, value, "INVALID_PARAMETER_VALUE", name + " must be between 1 and " + max + ".");
  }

  // ---- Shipment Tracking ----

  SimResponse trackers(QueryString q) {
    if (!permissions.shipmentTracking()) {
      throw SimError.notAuthorized();
    }
    String id = q.get("transaction_id");
    if (id == null || id.isBlank()) {
      throw SimError.query(
          "transaction_id", null, "MISSING_REQUIRED_PARAMETER", "transaction_id is required.");
    }
    String number = q.get("tracking_number");
    String updated = SimTime.formatSeconds(clock.instant());
    List<ObjectNode> found =
        store
            .byTransaction(
                id,
                d ->
                    d.order.trackers.stream()
                        .filter(t -> number == null || number.equals(t.trackingNumber()))
                        .map(t -> json.tracker(id, t, updated))
                        .toList())
            .orElseThrow(() -> notFound("transaction_id", id, "query"));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (!found.isEmpty()) {
      out.putArray("trackers").addAll(found);
    }
    out.putArray("links")
        .add(json.link(json.url("/v1/shipping/trackers?" + query(q)), "self", "GET"));
    return SimResponse.ok(out);
  }

  SimResponse tracker(String trackerId) {
    if (!permissions.shipmentTracking()) {
      throw SimError.notAuthorized();
    }
    int dash = trackerId == null ? -1 : trackerId.indexOf('-');
    String txn = dash < 0 ? trackerId : trackerId.substring(0, dash);
    String number = dash < 0 ? null : trackerId.substring(dash + 1);
    String updated = SimTime.formatSeconds(clock.instant());
    return SimResponse.ok(
        store
            .byTransaction(
                txn,
                d ->
                    d.order.trackers.stream()
                        .filter(
                            t ->
                                number == null
                                    ? t.trackingNumber() == null
                                    : number.equals(t.trackingNumber()))
                        .findFirst()
                        .map(t -> json.tracker(txn, t, updated))
                        .orElse(null))
            .orElseThrow(() -> notFound("id", trackerId, "path")));
  }

  /** Adds (or replaces, by tracking number) the trackers of a {@code tracker_collection}. */
  SimResponse add(byte[] body, String contentType) {
    if (!permissions.shipmentTracking()) {
      throw SimError.notAuthorized();
    }
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw SimError.unsupportedMediaType("Send the trackers as application/json.");
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) {
      throw SimError.invalid(
          null, null, "MALFORMED_REQUEST_JSON", "The request JSON is not well formed.");
    }
    JsonNode list = root == null ? null : root.get("trackers");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > 20) {
      throw SimError.invalid(
          "/trackers", null, "INVALID_PARAMETER_VALUE", "Send 1 to 20 trackers.");
    }
    List<SimTracker> parsed = new ArrayList<>();
    List<String> txns = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      String at = "/trackers/" + i;
      String txn = text(t, "transaction_id");
      if (txn == null || !TRACKER_TXN.matcher(txn).matches()) {
        throw SimError.invalid(
            at + "/transaction_id",
            txn,
            txn == null ? "MISSING_REQUIRED_PARAMETER" : "INVALID_PARAMETER_SYNTAX",
            "A PayPal transaction ID is required.");
      }
      parsed.add(tracker(t, at));
      txns.add(txn);
    }
    for (int i = 0; i < txns.size(); i++) {
      // All or nothing: every transaction must exist before any tracker is added.
      if (store.byTransaction(txns.get(i), d -> Boolean.TRUE).isEmpty()) {
        throw notFound("/trackers/" + i + "/transaction_id", txns.get(i), "body");
      }
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode ids = out.putArray("tracker_identifiers");
    for (int i = 0; i < parsed.size(); i++) {
      SimTracker t = parsed.get(i);
      String txn = txns.get(i);
      store
          .byTransaction(
              txn,
              d -> {
                d.order.trackers.removeIf(
                    old ->
                        !old.isReturn()
                            && t.trackingNumber() != null
                            && t.trackingNumber().equals(old.trackingNumber()));
                d.order.trackers.add(t);
                return json.identifier(txn, t);
              })
          .ifPresent(ids::add);
    }
    return SimResponse.ok(out);
  }

  private static SimTracker tracker(JsonNode t, String at) {
    String status = text(t, "status");
    if (status == null || !STATUSES.contains(status)) {
      throw SimError.invalid(
          at + "/status",
          status,
          status == null ? "MISSING_REQUIRED_PARAMETER" : "INVALID_PARAMETER_VALUE",
          "A shipment status from PayPal's list is required.");
    }
    String number = text(t, "tracking_number");
    if (number != null && number.length() > 64) {
      throw SimError.invalid(
          at + "/tracking_number", number, "INVALID_STRING_MAX_LENGTH", "At most 64 characters.");
    }
    String carrier = text(t, "carrier");
    if (number != null && carrier == null) {
      throw SimError.invalid(
          at + "/carrier",
          null,
          "MISSING_REQUIRED_PARAMETER",
          "A tracking number needs its carrier.");
    }
    if (carrier != null && !CARRIER.matcher(carrier).matches()) {
      throw SimError.invalid(
          at + "/carrier", carrier, "INVALID_PARAMETER_VALUE", "Use a carrier code like UPS.");
    }
    String other = text(t, "carrier_name_other");
    if ("OTHER".equals(carrier) && other == null) {
      throw SimError.invalid(
          at + "/carrier_name_other",
          null,
          "MISSING_REQUIRED_PARAMETER",
          "Carrier OTHER needs carrier_name_other.");
    }
    String date = text(t, "shipment_date");
    if (date != null && !DATE.matcher(date).matches()) {
      throw SimError.invalid(
          at + "/shipment_date", date, "INVALID_PARAMETER_SYNTAX", "Use YYYY-MM-DD.");
    }
    return new SimTracker(
        "OTHER".equals(carrier) ? other : carrier,
        number,
        status,
        date == null ? null : LocalDate.parse(date),
        false);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || !v.isTextual() || v.asText().isEmpty() ? null : v.asText();
  }

  private static SimError notFound(String field, String value, String location) {
    return SimError.of(
        404,
        "RESOURCE_NOT_FOUND",
        "The specified resource does not exist.",
        List.of(
            new SimError.Detail(
                field, value, location, "INVALID_RESOURCE_ID", "No such transaction or tracker.")));
  }

  private static String query(QueryString q) {
    StringBuilder sb = new StringBuilder();
    for (String name : q.names()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(q.get(name), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }
}
