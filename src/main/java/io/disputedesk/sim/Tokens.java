package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@code POST /v1/oauth2/token} and the bearer check every other call passes. */
final class Tokens {
  private static final String SCOPE =
      "https://uri.paypal.com/services/disputes/read-seller "
          + "https://uri.paypal.com/services/disputes/update-seller "
          + "https://uri.paypal.com/services/applications/webhooks";

  private final SimulatorOptions options;
  private final Clock clock;
  private final SimIds ids;
  private final SimPermissions permissions;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

  /** The app each token was issued to. */
  private final Map<String, String> owners = new ConcurrentHashMap<>();

  private final SimAccounts accounts;

  Tokens(SimulatorOptions options, SimIds ids, SimAccounts accounts, SimPermissions permissions) {
    this.options = options;
    this.clock = options.clock();
    this.ids = ids;
    this.accounts = accounts;
    this.permissions = permissions;
  }

  SimResponse issue(String authorization, byte[] body, String contentType) {
    Optional<SimAccounts.App> app = app(authorization);
    if (app.isEmpty()) {
      throw SimError.oauth(401, "invalid_client", "Client Authentication failed");
    }
    String form = new String(body, StandardCharsets.UTF_8);
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw SimError.oauth(
          400, "invalid_request", "Request must be application/x-www-form-urlencoded");
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
    owners.put(token, app.get().clientId());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("scope", SCOPE + permissions.scopes());
    out.put("access_token", token);
    out.put("token_type", "Bearer");
    out.put("app_id", "APP-80W284485P519543T");
    out.put("expires_in", options.tokenLifetime().toSeconds());
    out.put(
        "nonce",
        SimTime.formatSeconds(now) + ids.transmissionId().replace("-", "").substring(0, 20));
    return SimResponse.ok(out);
  }

  /**
   * The client id of the app the bearer token was issued to; throws PayPal's 401 unless the header
   * carries an issued, unexpired token of an app that is not revoked.
   */
  String check(String authorization) {
    String token =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).trim()
            : null;
    Instant expiry = token == null ? null : expiries.get(token);
    String owner = token == null ? null : owners.get(token);
    if (expiry == null
        || !clock.instant().isBefore(expiry)
        || owner == null
        || accounts.isRevoked(owner)) {
      throw SimError.oauth(401, "invalid_token", "Access Token not found in cache");
    }
    return owner;
  }

  void expireAll() {
    expiries.clear();
  }

  private Optional<SimAccounts.App> app(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      return accounts.authenticate(Base64.getDecoder().decode(authorization.substring(6).trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
