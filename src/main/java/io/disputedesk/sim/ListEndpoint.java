package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/customer/disputes}: PayPal's filters, 180-day window, paging, newest creation
 * first.
 */
final class ListEndpoint {
  private static final Duration WINDOW = Duration.ofDays(180);
  private static final Set<String> STATES =
      Set.of(
          "REQUIRED_ACTION",
          "REQUIRED_OTHER_PARTY_ACTION",
          "UNDER_PAYPAL_REVIEW",
          "RESOLVED",
          "OPEN_INQUIRIES",
          "APPEALABLE");
  private static final Set<String> PAGING = Set.of("page", "next_page_token");
  private static final Pattern TXN_ID = Pattern.compile("^[0-9A-Z_]{1,255}$");
  private static final Pattern STATE_LIST = Pattern.compile("^[0-9A-Z_]+(,[0-9A-Z_]+)*$");
  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9+/=]{1,255}$");
  private static final Comparator<SimDispute> NEWEST_FIRST =
      Comparator.comparing((SimDispute d) -> d.createTime).thenComparing(d -> d.id).reversed();

  private final SimDisputes store;
  private final DisputeJson json;
  private final TestValues testValues;
  private final Clock clock;
  private final String listUrl;

  ListEndpoint(
      SimDisputes store, DisputeJson json, TestValues testValues, Clock clock, String baseUrl) {
    this.store = store;
    this.json = json;
    this.testValues = testValues;
    this.clock = clock;
    this.listUrl = baseUrl + "/v1/customer/disputes";
  }

  /** A position in the newest-first order; the next page starts strictly after it. */
  private record Cursor(Instant createTime, String id) {}

  SimResponse list(QueryString q) {
    return list(q, DisputeJson.MERCHANT_ID);
  }

  /** The list as {@code merchant} sees it: only its own disputes. */
  SimResponse list(QueryString q, String merchant) {
    String txn = q.get("disputed_transaction_id");
    testValues
        .errorFor("list", txn)
        .ifPresent(
            e -> {
              throw e;
            });
    Instant now = clock.instant();
    Instant oldest = now.minus(WINDOW);
    int pageSize = pageSize(q.get("page_size"));
    Integer page = page(q.get("page"));
    Cursor cursor = q.get("next_page_token") == null ? null : decode(q.get("next_page_token"));
    Instant startTime =
        time(q, "start_time", oldest, "INVALID_START_TIME_FORMAT", "INVALID_START_TIME_RANGE");
    if (startTime != null && startTime.isAfter(now)) {
      throw SimError.query(
          "start_time",
          q.get("start_time"),
          "DATE_CAN_NOT_BE_IN_FUTURE",
          "The start_time cannot be in the future.");
    }
    if (startTime != null && txn != null) {
      throw SimError.query(
          "start_time",
          q.get("start_time"),
          "INVALID_PARAMETER_COMBINATION",
          "Specify either start_time or disputed_transaction_id, not both.");
    }
    if (txn != null && !TXN_ID.matcher(txn).matches()) {
      throw SimError.query(
          "disputed_transaction_id",
          txn,
          "INVALID_PARAMETER_SYNTAX",
          "The value of a field does not conform to the expected format.");
    }
    Set<String> states = states(q.get("dispute_state"));
    Instant updatedAfter =
        time(q, "update_time_after", oldest, "INVALID_PARAMETER_SYNTAX", "INVALID_DATE_RANGE");
    Instant updatedBefore =
        time(q, "update_time_before", oldest, "INVALID_PARAMETER_SYNTAX", "INVALID_DATE_RANGE");
    Instant createdAfter =
        time(q, "create_time_after", oldest, "INVALID_PARAMETER_SYNTAX", "INVALID_DATE_RANGE");
    Instant createdBefore =
        time(q, "create_time_before", oldest, "INVALID_PARAMETER_SYNTAX", "INVALID_DATE_RANGE");

    Predicate<SimDispute> filter =
        d ->
            d.merchant.equals(merchant)
                && (createdAfter == null || !d.createTime.isBefore(createdAfter))
                && (createdBefore == null || !d.createTime.isAfter(createdBefore))
                && (startTime == null || !d.createTime.isBefore(startTime))
                && (txn == null
                    || txn.equals(d.buyerTransactionId)
                    || txn.equals(d.sellerTransactionId))
                && (states == null || states.contains(DisputeJson.state(d)))
                && (cursor == null || after(d, cursor));
    int offset = cursor == null && page != null ? (page - 1) * pageSize : 0;
    // Update times the simulator bumped past a standing test clock still count as "now".
    Instant upper = updatedBefore == null ? Instant.MAX : updatedBefore;
    Instant lower = updatedAfter == null ? oldest : updatedAfter;
    ObjectNode body =
        store.updatedBetween(
            lower,
            upper,
            disputes -> {
              List<SimDispute> matches = disputes.filter(filter).sorted(NEWEST_FIRST).toList();
              ObjectNode out = JsonNodeFactory.instance.objectNode();
              int end = Math.min(matches.size(), offset + pageSize);
              if (offset < end) {
                ArrayNode items = out.putArray("items");
                matches.subList(offset, end).forEach(d -> items.add(json.summary(d)));
              }
              ArrayNode links = out.putArray("links");
              links.add(DisputeJson.link(withQuery(q.rawWithout(Set.of())), "self", "GET"));
              links.add(DisputeJson.link(withQuery(q.rawWithout(PAGING)), "first", "GET"));
              if (end < matches.size()) {
                String next =
                    page != null && cursor == null
                        ? "page=" + (page + 1)
                        : "next_page_token=" + encode(matches.get(end - 1));
                links.add(
                    DisputeJson.link(withQuery(join(q.rawWithout(PAGING), next)), "next", "GET"));
              }
              return out;
            });
    return SimResponse.ok(body);
  }

  private static boolean after(SimDispute d, Cursor c) {
    int cmp = d.createTime.compareTo(c.createTime());
    return cmp < 0 || (cmp == 0 && d.id.compareTo(c.id()) < 0);
  }

  private String withQuery(String rawQuery) {
    return rawQuery.isEmpty() ? listUrl : listUrl + "?" + rawQuery;
  }

  private static String join(String rawQuery, String pair) {
    return rawQuery.isEmpty() ? pair : rawQuery + "&" + pair;
  }

  private static int pageSize(String value) {
    if (value == null) {
      return 10;
    }
    Integer n = integer(value);
    if (n == null || n < 1 || n > 50) {
      throw SimError.query(
          "page_size",
          value,
          "INVALID_PAGE_SIZE",
          "The page_size is outside the allowed range. A valid page_size is from 1 to 50.");
    }
    return n;
  }

  private static Integer page(String value) {
    if (value == null) {
      return null;
    }
    Integer n = integer(value);
    if (n == null || n < 1 || n > 50) {
      throw SimError.query(
          "page", value, "INVALID_PARAMETER_VALUE", "A valid page is from 1 to 50.");
    }
    return n;
  }

  private static Integer integer(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Set<String> states(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > 2000 || !STATE_LIST.matcher(value).matches()) {
      throw SimError.query(
          "dispute_state",
          value,
          "INVALID_PARAMETER_SYNTAX",
          "The value of a field does not conform to the expected format.");
    }
    Set<String> states = new HashSet<>(List.of(value.split(",")));
    for (String s : states) {
      if (!STATES.contains(s)) {
        throw SimError.query(
            "dispute_state",
            s,
            "INVALID_PARAMETER_VALUE",
            "The dispute_state value is not supported.");
      }
    }
    return states;
  }

  private static Instant time(
      QueryString q, String name, Instant oldest, String formatIssue, String rangeIssue) {
    String value = q.get(name);
    if (value == null) {
      return null;
    }
    Instant t =
        SimTime.parse(value)
            .orElseThrow(
                () ->
                    SimError.query(
                        name,
                        value,
                        formatIssue,
                        "The value of a field does not conform to the expected format."));
    if (t.isBefore(oldest)) {
      throw SimError.query(name, value, rangeIssue, "The time must be within the last 180 days.");
    }
    return t;
  }

  private static String encode(SimDispute last) {
    String raw = "create_time=" + SimTime.format(last.createTime) + "&dispute_id=" + last.id;
    // '+' and '/' are escaped so the token survives query decoding; '=' stays, as in PayPal's
    // links.
    return Base64.getEncoder()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8))
        .replace("+", "%2B")
        .replace("/", "%2F");
  }

  private static Cursor decode(String token) {
    SimError bad =
        SimError.query(
            "next_page_token",
            token,
            "INVALID_PARAMETER_VALUE",
            "The next_page_token is not valid.");
    if (!TOKEN.matcher(token).matches()) {
      throw bad;
    }
    try {
      String raw = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split("&", 2);
      if (parts.length != 2
          || !parts[0].startsWith("create_time=")
          || !parts[1].startsWith("dispute_id=")) {
        throw bad;
      }
      Instant t = SimTime.parse(parts[0].substring("create_time=".length())).orElseThrow(() -> bad);
      return new Cursor(t, parts[1].substring("dispute_id=".length()));
    } catch (IllegalArgumentException e) {
      throw bad;
    }
  }
}
