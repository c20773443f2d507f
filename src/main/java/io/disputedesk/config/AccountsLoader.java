package io.disputedesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.config.PayPalSettings.PayPalEnv;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code accounts} list of the config file (or the {@code ACCOUNTS} variable as YAML):
 * each a {@code name} and either its own REST app ({@code client_id}, {@code client_secret}, {@code
 * env}, optional {@code base_url}) or a {@code partner} account and the merchant's {@code
 * payer_id}; {@code webhook_id} is optional for both. {@code PAYPAL_ACCOUNT_<NAME>_CLIENT_ID} and
 * {@code ..._CLIENT_SECRET} override an account's credentials, so secrets need not be in the file.
 */
final class AccountsLoader {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final Pattern PAYER_ID = Pattern.compile("[A-Z0-9]{5,20}");
  private static final Set<String> KEYS =
      Set.of(
          "name",
          "client_id",
          "client_secret",
          "env",
          "base_url",
          "webhook_id",
          "partner",
          "payer_id");

  private final ConfigSource source;
  private final List<String> problems;

  AccountsLoader(ConfigSource source, List<String> problems) {
    this.source = source;
    this.problems = problems;
  }

  /**
   * The accounts of the list, partners resolved; {@code single} (the PAYPAL_* account) first when
   * present.
   */
  List<AccountSettings> load(Optional<AccountSettings> single) {
    Optional<JsonNode> node;
    try {
      node = source.node("ACCOUNTS");
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return single.map(List::of).orElse(List.of());
    }
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    single.ifPresent(s -> raw.put(s.name(), null));
    if (node.isPresent()) {
      if (!node.get().isArray()) {
        problems.add("accounts must be a list of accounts, each with a name.");
        return single.map(List::of).orElse(List.of());
      }
      for (JsonNode a : node.get()) {
        String name = text(a, "name");
        if (name == null || !NAME.matcher(name).matches()) {
          problems.add(
              "Each account needs a name of lower-case letters, digits, - or _ (up to 32), like brand-a;"
                  + " got \""
                  + (name == null ? "" : name)
                  + "\".");
          continue;
        }
        if (raw.containsKey(name)) {
          problems.add(
              "Account \""
                  + name
                  + "\" is configured twice"
                  + (single.isPresent() && name.equals(AccountSettings.DEFAULT)
                      ? " (PAYPAL_CLIENT_ID already configures the account" + " named default)"
                      : "")
                  + ".");
          continue;
        }
        a.fieldNames()
            .forEachRemaining(
                k -> {
                  if (!KEYS.contains(k)) {
                    problems.add(
                        "Account \""
                            + name
                            + "\" has an unknown setting "
                            + k
                            + " (known: "
                            + String.join(", ", KEYS.stream().sorted().toList())
                            + ").");
                  }
                });
        raw.put(name, a);
      }
    }
    Map<String, AccountSettings> own = new LinkedHashMap<>();
    single.ifPresent(s -> own.put(s.name(), s));
    raw.forEach(
        (name, a) -> {
          if (a != null && text(a, "partner") == null) {
            ownApp(name, a).ifPresent(s -> own.put(name, s));
          }
        });
    // In the configured order; an account acting through a partner takes the partner's app.
    List<AccountSettings> out = new ArrayList<>();
    raw.forEach(
        (name, a) -> {
          if (a == null || text(a, "partner") == null) {
            Optional.ofNullable(own.get(name)).ifPresent(out::add);
          } else {
            actingFor(name, a, own).ifPresent(out::add);
          }
        });
    Set<String> webhookIds = new HashSet<>();
    for (AccountSettings s : out) {
      s.webhookId()
          .filter(id -> !webhookIds.add(id))
          .ifPresent(
              id ->
                  problems.add(
                      "Webhook id "
                          + id
                          + " is given to more than one account; each account's webhook has its own id."));
    }
    return out;
  }

  private Optional<AccountSettings> ownApp(String name, JsonNode a) {
    if (text(a, "payer_id") != null) {
      problems.add(
          "Account \""
              + name
              + "\" has a payer_id but no partner: name the partner account whose app acts"
              + " for this merchant.");
    }
    String clientId = env(name, "CLIENT_ID").orElse(text(a, "client_id"));
    String secret = env(name, "CLIENT_SECRET").orElse(text(a, "client_secret"));
    if (clientId == null || secret == null) {
      problems.add(
          "Account \""
              + name
              + "\" needs client_id and client_secret (or PAYPAL_ACCOUNT_"
              + envName(name)
              + "_CLIENT_ID and _CLIENT_SECRET), or a partner and payer_id.");
      return Optional.empty();
    }
    PayPalEnv env;
    String envText = Optional.ofNullable(text(a, "env")).orElse("sandbox");
    try {
      env = PayPalEnv.valueOf(envText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          "Account \"" + name + "\": env must be sandbox or live (got \"" + envText + "\").");
      return Optional.empty();
    }
    String baseUrl = text(a, "base_url");
    if (baseUrl != null && !isHttpUrl(baseUrl)) {
      problems.add("Account \"" + name + "\": base_url must be an http(s) URL.");
      return Optional.empty();
    }
    String base =
        baseUrl == null
            ? env.baseUrl()
            : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return Optional.of(
        new AccountSettings(
            name,
            clientId,
            new Secret(secret),
            env,
            base,
            Optional.ofNullable(text(a, "webhook_id")),
            Optional.empty(),
            Optional.empty()));
  }

  private Optional<AccountSettings> actingFor(
      String name, JsonNode a, Map<String, AccountSettings> own) {
    String partner = text(a, "partner");
    String payerId = text(a, "payer_id");
    if (text(a, "client_id") != null
        || text(a, "client_secret") != null
        || text(a, "env") != null
        || text(a, "base_url") != null) {
      problems.add(
          "Account \""
              + name
              + "\" acts through partner "
              + partner
              + ": it uses the partner's app, so"
              + " client_id, client_secret, env and base_url belong to the partner account.");
      return Optional.empty();
    }
    AccountSettings app = own.get(partner);
    if (app == null) {
      problems.add(
          "Account \""
              + name
              + "\" names partner \""
              + partner
              + "\", which is not an account with its own"
              + " client_id and client_secret.");
      return Optional.empty();
    }
    if (payerId == null || !PAYER_ID.matcher(payerId).matches()) {
      problems.add(
          "Account \""
              + name
              + "\" needs the merchant's payer_id (PayPal's merchant id: 5 to 20 capital"
              + " letters and digits).");
      return Optional.empty();
    }
    return Optional.of(
        new AccountSettings(
            name,
            app.clientId(),
            app.clientSecret(),
            app.env(),
            app.baseUrl(),
            Optional.ofNullable(text(a, "webhook_id")),
            Optional.of(partner),
            Optional.of(payerId)));
  }

  private Optional<String> env(String account, String what) {
    return source.get("PAYPAL_ACCOUNT_" + envName(account) + "_" + what);
  }

  private static String envName(String account) {
    return account.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static String text(JsonNode a, String key) {
    JsonNode v = a == null ? null : a.get(key);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
  }

  private static boolean isHttpUrl(String v) {
    try {
      URI uri = URI.create(v);
      return uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
