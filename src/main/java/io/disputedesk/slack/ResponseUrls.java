package io.disputedesk.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the bot may post a payload's {@code response_url}: HTTPS on {@code hooks.slack.com}, where
 * Slack's response URLs live, or the origin of the configured Web API base when that is not Slack's
 * own (the local Slack of the tests and the demo). Payloads are signed; this is defence in depth,
 * so that a leaked signing secret cannot make the bot post its answers (dispute lists, buyer names)
 * wherever a forged payload says.
 */
public final class ResponseUrls {
  static final String SLACK_HOOKS_HOST = "hooks.slack.com";
  private static final String SLACK_API_HOST = "slack.com";

  /** {@code scheme://host:port} of a non-Slack Web API base, or null. */
  private final String apiOrigin;

  private ResponseUrls(String apiOrigin) {
    this.apiOrigin = apiOrigin;
  }

  /** For the Web API base the bot calls ({@code SLACK_API_URL}; null: Slack's only). */
  public static ResponseUrls forApi(String apiUrl) {
    URI api = parse(apiUrl);
    if (api == null || SLACK_API_HOST.equals(host(api))) {
      return new ResponseUrls(null);
    }
    return new ResponseUrls(origin(api));
  }

  /** True when the bot may post to {@code url}. */
  public boolean allows(String url) {
    URI u = parse(url);
    if (u == null) {
      return false;
    }
    if ("https".equals(scheme(u))
        && SLACK_HOOKS_HOST.equals(host(u))
        && (u.getPort() == -1 || u.getPort() == 443)) {
      return true;
    }
    return apiOrigin != null && apiOrigin.equals(origin(u));
  }

  /**
   * The URL's scheme, host and port only, for logs: a response URL's path is its secret, and what
   * follows it is the sender's.
   */
  public static String redacted(String url) {
    URI u = parse(url);
    return u == null ? "(not a URL)" : origin(u);
  }

  /** An absolute http(s) URL with a host and no user info; null for anything else. */
  private static URI parse(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = scheme(u);
      boolean web = "https".equals(scheme) || "http".equals(scheme);
      return web && u.getHost() != null && u.getRawUserInfo() == null ? u : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String origin(URI u) {
    int port = u.getPort() != -1 ? u.getPort() : "https".equals(scheme(u)) ? 443 : 80;
    return scheme(u) + "://" + host(u) + ":" + port;
  }

  private static String scheme(URI u) {
    return u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
  }

  private static String host(URI u) {
    return u.getHost().toLowerCase(Locale.ROOT);
  }
}
