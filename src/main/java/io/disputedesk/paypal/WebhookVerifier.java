package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks PayPal whether a received webhook is genuine ({@code POST
 * /v1/notifications/verify-webhook-signature}), passing the event exactly as received. Anyone can
 * make the bot ask, so each question is one call with a short deadline, never retried.
 */
public final class WebhookVerifier {
  private static final Logger log = LoggerFactory.getLogger(WebhookVerifier.class);
  static final String OPERATION = "notifications.verify-webhook-signature";

  /** How long one verification call may take unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final PayPalApi api;
  private final ObjectMapper mapper;
  private final Duration timeout;

  public WebhookVerifier(PayPalClient client) {
    this(client, DEFAULT_TIMEOUT);
  }

  /** A verifier whose calls to PayPal give up after {@code timeout} (token fetch not included). */
  public WebhookVerifier(PayPalClient client, Duration timeout) {
    this.api = client.api();
    this.mapper = client.mapper();
    this.timeout = timeout;
  }

  /**
   * True when PayPal confirms the signature. False, without calling PayPal, when a signature
   * header, the webhook id or a JSON body is missing, and when PayPal rejects the header values.
   * Throws {@link PayPalException} when PayPal cannot answer or refuses the bot's credentials:
   * reply with a 5xx then, so that PayPal delivers the event again.
   *
   * @param headers the request headers; names are matched ignoring case
   * @param rawBody the request body exactly as received
   * @param webhookId the id of the webhook in the PayPal app (not the event id)
   */
  public boolean verify(Map<String, String> headers, String rawBody, String webhookId) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (k, v) -> {
          if (k != null) {
            h.put(k, v);
          }
        });
    String algo = h.get("PAYPAL-AUTH-ALGO");
    String certUrl = h.get("PAYPAL-CERT-URL");
    String transmissionId = h.get("PAYPAL-TRANSMISSION-ID");
    String signature = h.get("PAYPAL-TRANSMISSION-SIG");
    String time = h.get("PAYPAL-TRANSMISSION-TIME");
    if (blank(algo)
        || blank(certUrl)
        || blank(transmissionId)
        || blank(signature)
        || blank(time)
        || blank(webhookId)
        || !isJsonObject(rawBody)) {
      return false;
    }
    VerifyRequest request =
        new VerifyRequest(algo, certUrl, transmissionId, signature, time, webhookId, rawBody);
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the verification request", e);
    }
    Reply reply;
    try {
      reply =
          api.postQuick(
              OPERATION,
              api.url("v1/notifications/verify-webhook-signature"),
              RequestBody.create(json, ActionBodies.JSON),
              timeout);
    } catch (PayPalException e) {
      if (e.httpStatus() == 400 || e.httpStatus() == 422) {
        // PayPal rejected the header values themselves: the event cannot be genuine.
        // Only PayPal's status and debug id: the error may echo the sender's header values.
        log.info(
            "PayPal refused to verify a webhook ({}, debug id {})", e.httpStatus(), e.debugId());
        return false;
      }
      throw e;
    }
    try {
      return "SUCCESS".equals(mapper.readTree(reply.body()).path("verification_status").asText());
    } catch (JsonProcessingException e) {
      throw new PayPalException(OPERATION, "unreadable verification answer", e);
    }
  }

  private boolean isJsonObject(String body) {
    if (body == null || body.isBlank()) {
      return false;
    }
    try {
      // Trailing text after the object would make the embedded event invalid JSON.
      return mapper
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readTree(body.getBytes(StandardCharsets.UTF_8))
          .isObject();
    } catch (java.io.IOException e) {
      // Not JSON, so it cannot be a PayPal event; the caller answers 4xx.
      return false;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The verification body; the event is written raw, byte for byte as PayPal signed it. */
  record VerifyRequest(
      String authAlgo,
      String certUrl,
      String transmissionId,
      String transmissionSig,
      String transmissionTime,
      String webhookId,
      @JsonRawValue String webhookEvent) {}
}
