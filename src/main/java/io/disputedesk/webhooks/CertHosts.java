package io.disputedesk.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where {@code PAYPAL-CERT-URL} may point: a PayPal host ({@code paypal.com} or a subdomain, such
 * as {@code api.paypal.com} and {@code api.sandbox.paypal.com}) over https on the default port, or
 * the PayPal API the bot is configured to call (the simulator in the demo and in tests).
 */
final class CertHosts {
  private final String baseScheme;
  private final String baseHost;
  private final int basePort;

  private CertHosts(String baseScheme, String baseHost, int basePort) {
    this.baseScheme = baseScheme;
    this.baseHost = baseHost;
    this.basePort = basePort;
  }

  /** PayPal's hosts plus the origin of {@code payPalBaseUrl}. */
  static CertHosts forBaseUrl(String payPalBaseUrl) {
    URI base = parse(payPalBaseUrl);
    if (base == null || base.getHost() == null) {
      throw new IllegalArgumentException("PayPal base URL has no host");
    }
    return new CertHosts(lower(base.getScheme()), lower(base.getHost()), port(base));
  }

  boolean allows(String certUrl) {
    URI uri = parse(certUrl);
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return false;
    }
    String scheme = lower(uri.getScheme());
    String host = lower(uri.getHost());
    int port = port(uri);
    boolean payPal =
        scheme.equals("https")
            && port == 443
            && (host.equals("paypal.com") || host.endsWith(".paypal.com"));
    return payPal || (scheme.equals(baseScheme) && host.equals(baseHost) && port == basePort);
  }

  private static URI parse(String url) {
    if (url == null) {
      return null;
    }
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      // Not a URL at all: the caller refuses it.
      return null;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
