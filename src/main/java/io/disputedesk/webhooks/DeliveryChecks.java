package io.disputedesk.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.http.Request;
import io.disputedesk.paypal.WebhookEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The checks a delivery must pass before anyone asks PayPal about it, cheapest first: size, the
 * five transmission headers (shapes as in PayPal's verify-webhook-signature schema), transmission
 * time, certificate host, then the body's JSON, id and event type.
 */
final class DeliveryChecks {
  /** The events the bot subscribes to; others are acknowledged and dropped unverified. */
  static final Set<String> SUBSCRIBED =
      Set.of(
          WebhookEvent.DISPUTE_CREATED,
          WebhookEvent.DISPUTE_UPDATED,
          WebhookEvent.DISPUTE_RESOLVED);

  static final String ALGO = "PAYPAL-AUTH-ALGO";
  static final String CERT_URL = "PAYPAL-CERT-URL";
  static final String TRANSMISSION_ID = "PAYPAL-TRANSMISSION-ID";
  static final String SIGNATURE = "PAYPAL-TRANSMISSION-SIG";
  static final String TIME = "PAYPAL-TRANSMISSION-TIME";

  private static final Pattern ALGO_SHAPE = Pattern.compile("[a-zA-Z0-9]{1,100}");
  // Lengths from PayPal's schema. Its patterns would refuse a base64 signature starting with '+',
  // so besides length only whitespace, which no genuine value has, is refused.
  private static final Pattern TOKEN_SHAPE = Pattern.compile("\\S+");
  private static final int MAX_EVENT_ID = 255;

  /** What the checks decided. */
  sealed interface Outcome {}

  /** Refused: answer {@code status}; {@code metric} labels the refusal. */
  record Refused(int status, String metric, String reason) implements Outcome {}

  /** A well-formed delivery of an event the bot does not subscribe to: 200, nothing else. */
  record NotSubscribed(String eventType) implements Outcome {}

  /** Worth verifying: the headers for PayPal, and the body as received. */
  record Plausible(Map<String, String> headers, String body, String eventId, String eventType)
      implements Outcome {}

  private final ObjectMapper mapper;
  private final CertHosts certHosts;
  private final WebhookLimits limits;
  private final Clock clock;

  DeliveryChecks(ObjectMapper mapper, CertHosts certHosts, WebhookLimits limits, Clock clock) {
    this.mapper = mapper;
    this.certHosts = certHosts;
    this.limits = limits;
    this.clock = clock;
  }

  Outcome check(Request request) {
    if (request.body().length > limits.maxBodyBytes()) {
      return new Refused(413, "too_large", "body over " + limits.maxBodyBytes() + " bytes");
    }
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : new String[] {ALGO, CERT_URL, TRANSMISSION_ID, SIGNATURE, TIME}) {
      String value = request.header(name);
      if (value == null || value.isBlank()) {
        return new Refused(400, "malformed", "no " + name + " header");
      }
      h.put(name, value);
    }
    if (!ALGO_SHAPE.matcher(h.get(ALGO)).matches()
        || !shaped(h.get(TRANSMISSION_ID), 50)
        || !shaped(h.get(SIGNATURE), 500)
        || h.get(CERT_URL).length() > 500
        || h.get(TIME).length() > 100) {
      return new Refused(400, "malformed", "transmission headers not in PayPal's format");
    }
    Instant sent = instant(h.get(TIME));
    if (sent == null) {
      return new Refused(400, "malformed", "transmission time is not a date-time");
    }
    Duration off = Duration.between(clock.instant(), sent).abs();
    if (off.compareTo(limits.clockSkew()) > 0) {
      return new Refused(
          400, "stale", "transmission time " + off.toSeconds() + " s away from ours");
    }
    if (!certHosts.allows(h.get(CERT_URL))) {
      return new Refused(400, "bad_cert_url", "certificate URL is not on a PayPal host");
    }
    JsonNode root = json(request.body());
    if (root == null || !root.isObject()) {
      return new Refused(400, "malformed", "not a PayPal webhook event");
    }
    String id = text(root, "id");
    if (id == null || id.isBlank() || id.length() > MAX_EVENT_ID) {
      return new Refused(400, "malformed", "event has no usable id");
    }
    String type = text(root, "event_type");
    if (type == null || !SUBSCRIBED.contains(type)) {
      return new NotSubscribed(type);
    }
    return new Plausible(h, request.bodyText(), id, type);
  }

  private static boolean shaped(String value, int maxLength) {
    return value.length() <= maxLength && TOKEN_SHAPE.matcher(value).matches();
  }

  private static Instant instant(String rfc3339) {
    try {
      return OffsetDateTime.parse(rfc3339.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private JsonNode json(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      // Not JSON: the caller refuses it as malformed.
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
