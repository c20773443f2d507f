package io.disputedesk.config;

import io.disputedesk.config.PayPalSettings.PayPalEnv;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns raw settings into a validated {@link Config}, or one error naming every problem. */
public final class ConfigLoader {
  private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,}");
  private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern METRICS_TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{24,}");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
              + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final String AUDIT_DAYS =
      "AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 36500";

  /** Where Slack shows a channel's id; the README says the same. */
  static final String CHANNEL_ID_HOW =
      "C…; in Slack click the channel's name at the top, the id is at the bottom of"
          + " the About tab";

  private final ConfigSource source;
  private final List<String> problems = new ArrayList<>();
  private final SettingReader settings;

  private ConfigLoader(ConfigSource source) {
    this.source = source;
    this.settings = new SettingReader(source, problems);
  }

  /** Validates every setting; throws {@link ConfigException} listing all problems found. */
  public static Config load(ConfigSource source) {
    return check(source).config();
  }

  /**
   * Reads every setting and collects the problems without throwing, so that the sections read above
   * config (routes, rules) are checked with them before {@link ConfigCheck#config()}.
   */
  public static ConfigCheck check(ConfigSource source) {
    return new ConfigLoader(source).build();
  }

  private ConfigCheck build() {
    Secret botToken =
        settings.secret(
            "SLACK_BOT_TOKEN",
            "xoxb-",
            "the bot token from your Slack app's OAuth & Permissions page (xoxb-…)");
    Secret signingSecret =
        settings.secret(
            "SLACK_SIGNING_SECRET",
            null,
            "the signing secret from your Slack app's Basic Information page");
    Optional<Secret> appToken = settings.optionalSecret("SLACK_APP_TOKEN", "xapp-");
    String apiUrl = settings.url("SLACK_API_URL", "https://slack.com/api/");
    if (apiUrl != null && !apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
    String channel =
        settings
            .required(
                "DISPUTES_CHANNEL",
                "the id of the Slack channel for dispute cards (" + CHANNEL_ID_HOW + ")")
            .filter(
                v ->
                    settings.check(
                        CHANNEL.matcher(v).matches(),
                        "DISPUTES_CHANNEL must be a channel id like C0123ABCD, not a name ("
                            + CHANNEL_ID_HOW
                            + ")"))
            .orElse(null);

    // With an accounts list, the single-account settings are optional (they add the account named
    // default).
    boolean listed = hasAccountList();
    boolean single = !listed || source.get("PAYPAL_CLIENT_ID").isPresent();
    String clientId =
        single
            ? settings
                .required(
                    "PAYPAL_CLIENT_ID",
                    "the client id of your PayPal REST app (developer.paypal.com → Apps & Credentials)")
                .orElse(null)
            : null;
    Secret clientSecret =
        single
            ? settings.secret(
                "PAYPAL_CLIENT_SECRET", null, "the secret of the same PayPal REST app")
            : null;
    PayPalEnv env =
        settings.parse(
            "PAYPAL_ENV",
            "sandbox",
            v -> PayPalEnv.valueOf(v.toUpperCase(Locale.ROOT)),
            "PAYPAL_ENV must be sandbox or live");
    String baseUrl =
        source.get("PAYPAL_BASE_URL").isPresent()
            ? stripSlash(settings.url("PAYPAL_BASE_URL", null))
            : env == null ? null : env.baseUrl();
    Optional<String> webhookId = source.get("PAYPAL_WEBHOOK_ID");

    String databaseUrl = source.get("DATABASE_URL").orElse("jdbc:sqlite:data/dispute-desk.db");
    settings.check(
        databaseUrl.startsWith("jdbc:sqlite:") || databaseUrl.startsWith("jdbc:postgresql:"),
        "DATABASE_URL must start with jdbc:sqlite: or jdbc:postgresql:");
    Integer port =
        settings.parse("PORT", "3000", Integer::valueOf, "PORT must be a number from 1 to 65535");
    if (port != null) {
      settings.check(port >= 1 && port <= 65535, "PORT must be a number from 1 to 65535");
    }
    String bind = source.get("BIND_ADDRESS").orElse("0.0.0.0");
    settings.check(
        isIpAddress(bind),
        "BIND_ADDRESS must be an IP address such as 0.0.0.0 (every interface) or 127.0.0.1, not a host name");

    Schedule schedule = ScheduleReader.read(settings);

    Integer auditDays = settings.parse("AUDIT_RETENTION_DAYS", "400", Integer::valueOf, AUDIT_DAYS);
    if (auditDays != null) {
      settings.check(auditDays >= 1 && auditDays <= 36_500, AUDIT_DAYS);
    }

    List<String> approvers = settings.ids("APPROVERS");
    List<String> agents = settings.ids("AGENTS");
    List<String> viewers = settings.ids("VIEWERS");
    ApprovalThreshold threshold = threshold();
    Optional<Secret> metricsToken = metricsToken();

    Optional<AccountSettings> defaultAccount =
        single && clientId != null && clientSecret != null && baseUrl != null
            ? Optional.of(
                AccountSettings.of(
                    AccountSettings.DEFAULT,
                    new PayPalSettings(clientId, clientSecret, env, baseUrl, webhookId)))
            : Optional.empty();
    List<AccountSettings> accounts = new AccountsLoader(source, problems).load(defaultAccount);
    if (listed && accounts.isEmpty() && problems.isEmpty()) {
      problems.add(
          "accounts is empty: list at least one PayPal account, or set PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET.");
    }
    Roles roles = new Roles(approvers, agents, viewers);

    Config config =
        !problems.isEmpty()
            ? null
            : new Config(
                new SlackSettings(botToken, signingSecret, appToken, apiUrl, channel),
                accounts.get(0).paypal(),
                databaseUrl,
                port,
                bind,
                schedule,
                roles,
                threshold,
                metricsToken,
                auditDays == null ? 0 : auditDays,
                accounts);
    return new ConfigCheck(
        source,
        problems,
        settings.accountMissing(),
        accounts.stream().map(AccountSettings::name).toList(),
        roles,
        config);
  }

  private boolean hasAccountList() {
    try {
      return source.node("ACCOUNTS").isPresent();
    } catch (ConfigException e) {
      return true;
    }
  }

  private Optional<Secret> metricsToken() {
    Optional<String> v = source.get("METRICS_TOKEN");
    if (v.isPresent() && !METRICS_TOKEN.matcher(v.get()).matches()) {
      problems.add(
          "METRICS_TOKEN must be at least 24 characters of letters, digits and -._~+/= "
              + "(e.g. the output of `openssl rand -hex 32`; value not shown).");
    }
    return v.map(Secret::new);
  }

  private ApprovalThreshold threshold() {
    Optional<String> raw = source.get("APPROVAL_THRESHOLD");
    if (raw.isEmpty()) {
      return ApprovalThreshold.none();
    }
    Optional<BigDecimal> any = Optional.empty();
    Map<String, BigDecimal> per = new HashMap<>();
    for (String part : raw.get().split(",")) {
      String p = part.trim();
      String[] kv = p.split(":");
      if (kv.length == 1 && AMOUNT.matcher(kv[0]).matches()) {
        any = Optional.of(new BigDecimal(kv[0]));
      } else if (kv.length == 2
          && kv[0].trim().matches("[A-Z]{3}")
          && AMOUNT.matcher(kv[1].trim()).matches()) {
        per.put(kv[0].trim(), new BigDecimal(kv[1].trim()));
      } else {
        problems.add(
            "APPROVAL_THRESHOLD must be an amount (500) or currency amounts (USD:500,JPY:70000); \""
                + p
                + "\" is neither.");
      }
    }
    return new ApprovalThreshold(any, per);
  }

  /**
   * An IPv4 or IPv6 address written out: never a host name, so no DNS lookup decides where the bot
   * listens.
   */
  private static boolean isIpAddress(String v) {
    if (!IPV4.matcher(v).matches() && !IPV6.matcher(v).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(v);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String stripSlash(String v) {
    return v != null && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }
}
