package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST apps the simulator knows, each a merchant's own app (its client id and secret, its
 * merchant id and webhook id), and which merchants each app may act for as a partner. A call's
 * merchant is its app's own, or, with a {@code PayPal-Auth-Assertion} naming the app as {@code
 * iss}, the {@code payer_id} the app has the merchant's consent for. An app can be revoked: its
 * token requests and its tokens then get 401.
 */
final class SimAccounts {
  /** One REST app. */
  record App(String clientId, String clientSecret, String merchant, String webhookId) {}

  private final Map<String, App> apps = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> consents = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final ObjectMapper mapper = new ObjectMapper();

  SimAccounts(SimulatorOptions options) {
    add(
        new App(
            options.clientId(),
            options.clientSecret(),
            DisputeJson.MERCHANT_ID,
            options.webhookId()));
  }

  void add(App app) {
    apps.put(app.clientId(), app);
  }

  void grant(String partnerClientId, String merchant) {
    consents.computeIfAbsent(partnerClientId, k -> ConcurrentHashMap.newKeySet()).add(merchant);
  }

  void withdraw(String partnerClientId, String merchant) {
    consents.getOrDefault(partnerClientId, new HashSet<>()).remove(merchant);
  }

  void revoke(String clientId, boolean on) {
    if (on) {
      revoked.add(clientId);
    } else {
      revoked.remove(clientId);
    }
  }

  boolean isRevoked(String clientId) {
    return revoked.contains(clientId);
  }

  /** The app whose Basic credentials these are, if any (not revoked). */
  Optional<App> authenticate(byte[] given) {
    for (App app : apps.values()) {
      byte[] expected =
          (app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(given, expected)) {
        return revoked.contains(app.clientId()) ? Optional.empty() : Optional.of(app);
      }
    }
    return Optional.empty();
  }

  /**
   * The merchant a call of {@code clientId}'s app is about, given its assertion header (nullable).
   */
  String merchantFor(String clientId, String assertion) {
    App app = apps.get(clientId);
    if (assertion == null || assertion.isBlank()) {
      return app.merchant();
    }
    JsonNode claims = claims(assertion);
    String iss = claims.path("iss").asText("");
    String payerId = claims.path("payer_id").asText("");
    if (!iss.equals(clientId) || payerId.isEmpty()) {
      throw SimError.of(
          401,
          "AUTHENTICATION_FAILURE",
          "Authentication failed due to invalid authentication"
              + " credentials or a missing Authorization header.",
          List.of(
              new SimError.Detail(
                  null,
                  null,
                  null,
                  "INVALID_AUTH_ASSERTION",
                  "The PayPal-Auth-Assertion does not name the calling app as iss.")));
    }
    if (!payerId.equals(app.merchant())
        && !consents.getOrDefault(clientId, Set.of()).contains(payerId)) {
      throw SimError.notAuthorized();
    }
    return payerId;
  }

  /** Webhook ids of the app's own webhooks (the one its verification calls may name). */
  String webhookIdOf(String clientId) {
    App app = apps.get(clientId);
    return app == null ? null : app.webhookId();
  }

  /** The webhook id of the first app of {@code merchant} that has one, for signing its events. */
  Optional<String> webhookIdOfMerchant(String merchant) {
    return apps.values().stream()
        .filter(a -> a.merchant().equals(merchant) && a.webhookId() != null)
        .map(App::webhookId)
        .sorted()
        .findFirst();
  }

  private JsonNode claims(String assertion) {
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3 || !parts[2].isEmpty()) {
      throw invalidAssertion();
    }
    try {
      JsonNode header = mapper.readTree(Base64.getUrlDecoder().decode(parts[0]));
      if (!"none".equals(header.path("alg").asText())) {
        throw invalidAssertion();
      }
      JsonNode payload = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (payload == null || !payload.isObject()) {
        throw invalidAssertion();
      }
      return payload;
    } catch (IOException | IllegalArgumentException e) {
      throw invalidAssertion();
    }
  }

  private static SimError invalidAssertion() {
    return SimError.badRequest(
        "PayPal-Auth-Assertion",
        null,
        "header",
        "INVALID_PARAMETER_SYNTAX",
        "The PayPal-Auth-Assertion header is not an unsigned JWT.");
  }
}
