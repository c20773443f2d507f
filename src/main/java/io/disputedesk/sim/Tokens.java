package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code POST /v1/oauth2/token} and the bearer check every other call passes. */
final class Tokens {
  private static final String SCOPE = "https://uri.paypal.com/services/disputes/read-seller "
      + "https://uri.paypal.com/services/disputes/update-seller "
      + "https://uri.paypal.com/services/applications/webhooks";

  private final SimulatorOptions options;
  private final Clock clock;
  private final SimIds ids;
  private final SimPermissions permissions;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

  Tokens(SimulatorOptions options, SimIds ids, SimPermissions permissions) {
    this.options = options;
    this.clock = options.clock();
    this.ids = ids;
    this.permissions = permissions;
  }

  SimResponse issue(String authorization, byte[] body, String contentType) {
    if (!credentialsMatch(authorization)) {
      throw SimError.oauth(401, "invalid_client", "Client Authentication failed");
    }
    String form = new String(body, StandardCharsets.UTF_8);
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw SimError.oauth(400, "invalid_request", "Request must be application/x-www-form-urlencoded");
    }
    String grant = new QueryString(form).get("grant_type");
    if (grant == null) {
      throw SimError.oauth(400, "unsupported_grant_type", "Grant Type is NULL");
    }
    if (!grant.equals("client_credentials")) {
      throw SimError.oauth(400, "unsupported_grant_type", "Grant Type is not supported: " + grant);
    }
    String token = ids.accessToken();
    Instant now = clock.instant();
    expiries.put(token, now.plus(options.tokenLifetime()));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("scope", SCOPE + permissions.scopes());
    out.put("access_token", token);
    out.put("token_type", "Bearer");
    out.put("app_id", "APP-80W284485P519543T");
    out.put("expires_in", options.tokenLifetime().toSeconds());
    out.put("nonce", SimTime.formatSeconds(now) + ids.transmissionId().replace("-", "").substring(0, 20));
    return SimResponse.ok(out);
  }

  /** Throws PayPal's 401 unless the header carries an issued, unexpired bearer token. */
  void check(String authorization) {
    String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim() : null;
    Instant expiry = token == null ? null : expiries.get(token);
    if (expiry == null || !clock.instant().isBefore(expiry)) {
      throw SimError.oauth(401, "invalid_token", "Access Token not found in cache");
    }
  }

  void expireAll() {
    expiries.clear();
  }

  private boolean credentialsMatch(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      byte[] given = Base64.getDecoder().decode(authorization.substring(6).trim());
      byte[] expected = (options.clientId() + ":" + options.clientSecret()).getBytes(StandardCharsets.UTF_8);
      return MessageDigest.isEqual(given, expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
