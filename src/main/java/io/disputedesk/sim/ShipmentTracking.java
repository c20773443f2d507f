package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shipment Tracking ({@code GET} and {@code POST /v1/shipping/trackers}, {@code GET
 * /v1/shipping/trackers/{id}}) over the simulated disputes' orders, with PayPal's checks of a new
 * tracker and its 403 for a missing feature.
 */
final class ShipmentTracking {
  private static final Pattern TRACKER_TXN = Pattern.compile("^[a-zA-Z0-9]{1,50}$");
  private static final Pattern CARRIER = Pattern.compile("^[A-Z0-9_]{1,64}$");
  private static final Pattern DATE =
      Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])$");

  private final SimDisputes store;
  private final OrderJson json;
  private final SimPermissions permissions;
  private final ObjectMapper mapper;
  private final Clock clock;

  ShipmentTracking(
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
        .add(json.link(json.url("/v1/shipping/trackers?" + q.reencoded()), "self", "GET"));
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
    if (status == null || !SimTracker.STATUSES.contains(status)) {
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
}
