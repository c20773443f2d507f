package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Transaction Search ({@code GET /v1/reporting/transactions}) over the simulated disputes' orders,
 * with PayPal's parameter checks and its 403 for a missing feature.
 */
final class TransactionSearch {
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

  private final SimDisputes store;
  private final OrderJson json;
  private final SimPermissions permissions;
  private final Clock clock;

  TransactionSearch(SimDisputes store, OrderJson json, SimPermissions permissions, Clock clock) {
    this.store = store;
    this.json = json;
    this.permissions = permissions;
    this.clock = clock;
  }

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
        .add(json.link(json.url("/v1/reporting/transactions?" + q.reencoded()), "self", "GET"));
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
}
