package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends PayPal-shaped webhook events with PayPal's transmission headers, and answers the
 * verify-webhook-signature postback for exactly the events it sent.
 */
final class Webhooks {
  private static final String ALGO = "SHA256withRSA";
  private static final List<String> VERIFY_FIELDS =
      List.of(
          "auth_algo",
          "cert_url",
          "transmission_id",
          "transmission_sig",
          "transmission_time",
          "webhook_id",
          "webhook_event");

  /** What one transmission carried, kept so the postback can compare. */
  private record Sent(
      String certUrl, String signature, String time, JsonNode event, String webhookId) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Sent> sent = new ConcurrentHashMap<>();
  private final Map<String, byte[]> lastEvent = new ConcurrentHashMap<>();
  private final Map<String, String> lastHook = new ConcurrentHashMap<>();
  private final byte[] signingKey = new byte[32];
  private final ObjectMapper mapper;
  private final SimIds ids;
  private final Clock clock;
  private final String baseUrl;
  private final String webhookId;

  Webhooks(ObjectMapper mapper, SimIds ids, Clock clock, String baseUrl, String webhookId) {
    this.mapper = mapper;
    this.ids = ids;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.webhookId = webhookId;
    new SecureRandom().nextBytes(signingKey);
  }

  int send(String url, String eventType, String disputeId, ObjectNode resource) {
    return send(url, webhookId, eventType, disputeId, resource);
  }

  /** Sends the event as the webhook {@code hookId} (whose id the signature covers). */
  int send(String url, String hookId, String eventType, String disputeId, ObjectNode resource) {
    String eventId = ids.webhookEventId();
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("id", eventId);
    event.put("create_time", SimTime.format(clock.instant()));
    event.put("resource_type", "dispute");
    event.put("event_type", eventType);
    event.put("event_version", "1.0");
    event.put("summary", summary(eventType, disputeId));
    event.set("resource", resource);
    String eventUrl = baseUrl + "/v1/notifications/webhooks-events/" + eventId;
    event
        .putArray("links")
        .add(DisputeJson.link(eventUrl, "self", "GET"))
        .add(DisputeJson.link(eventUrl + "/resend", "resend", "POST"));
    try {
      byte[] body = mapper.writeValueAsBytes(event);
      lastEvent.put(url, body);
      lastHook.put(url, hookId);
      return deliver(url, hookId, eventType, body);
    } catch (IOException e) {
      throw new SimulatorException("could not deliver " + eventType + " to " + url, e);
    }
  }

  /**
   * Delivers the last event sent to {@code url} again, as PayPal's resend does: same event, new
   * transmission.
   */
  int resendLast(String url) {
    byte[] body = lastEvent.get(url);
    if (body == null) {
      throw new SimulatorException("no webhook was sent to " + url);
    }
    return deliver(url, lastHook.getOrDefault(url, webhookId), "resend", body);
  }

  private int deliver(String url, String hookId, String what, byte[] body) {
    try {
      String transmissionId = ids.transmissionId();
      String time = SimTime.formatSeconds(clock.instant());
      String certUrl = baseUrl + "/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77";
      String signature = sign(transmissionId + "|" + time + "|" + hookId + "|" + crc32(body));
      sent.put(transmissionId, new Sent(certUrl, signature, time, mapper.readTree(body), hookId));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("PAYPAL-AUTH-ALGO", ALGO)
              .header("PAYPAL-CERT-URL", certUrl)
              .header("PAYPAL-TRANSMISSION-ID", transmissionId)
              .header("PAYPAL-TRANSMISSION-SIG", signature)
              .header("PAYPAL-TRANSMISSION-TIME", time)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new SimulatorException("could not deliver " + what + " to " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulatorException("interrupted while delivering " + what, e);
    }
  }

  SimResponse verify(JsonNode body) {
    return verify(body, webhookId);
  }

  /** Verifies for the calling app, whose own webhook is {@code appWebhookId}. */
  SimResponse verify(JsonNode body, String appWebhookId) {
    for (String field : VERIFY_FIELDS) {
      JsonNode v = body.get(field);
      boolean present =
          field.equals("webhook_event") ? v != null && v.isObject() : v != null && v.isTextual();
      if (!present) {
        throw SimError.of(
            400,
            "VALIDATION_ERROR",
            "Invalid request - see details.",
            List.of(
                new SimError.Detail(
                    "/" + field,
                    null,
                    "body",
                    "MISSING_REQUIRED_PARAMETER",
                    "A required field is missing.")));
      }
    }
    Sent s = sent.get(body.get("transmission_id").asText());
    boolean ok =
        s != null
            && body.get("webhook_id").asText().equals(appWebhookId)
            && s.webhookId().equals(body.get("webhook_id").asText())
            && ALGO.equals(body.get("auth_algo").asText())
            && s.certUrl().equals(body.get("cert_url").asText())
            && s.signature().equals(body.get("transmission_sig").asText())
            && s.time().equals(body.get("transmission_time").asText())
            && s.event().equals(body.get("webhook_event"));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("verification_status", ok ? "SUCCESS" : "FAILURE");
    return SimResponse.ok(out);
  }

  private static String summary(String eventType, String disputeId) {
    return switch (eventType) {
      case "CUSTOMER.DISPUTE.CREATED" -> "A new dispute opened with Case # " + disputeId;
      case "CUSTOMER.DISPUTE.RESOLVED" -> "A dispute was resolved with case # " + disputeId;
      case "CUSTOMER.DISPUTE.UPDATED" -> "A dispute was updated with case # " + disputeId;
      default -> "Dispute event for case # " + disputeId;
    };
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static long crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return crc.getValue();
  }

  JsonNode parse(byte[] body) {
    return Fields.object(mapper, body);
  }
}
