package io.disputedesk.slack;

import io.disputedesk.config.PayPalSettings;
import io.disputedesk.config.PayPalSettings.PayPalEnv;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/** Links to a dispute on PayPal's website (the Resolution Center), live or sandbox. */
public record PayPalLinks(String webBase) {
  public static final String LIVE = "https://www.paypal.com";
  public static final String SANDBOX = "https://www.sandbox.paypal.com";

  public PayPalLinks {
    Objects.requireNonNull(webBase, "webBase");
  }

  /**
   * The website matching the configured API: a sandbox API host means the sandbox site, a
   * paypal.com API host the live site, anything else (the simulator) follows {@code PAYPAL_ENV}.
   */
  public static PayPalLinks of(PayPalSettings settings) {
    String host = hostOf(settings.baseUrl());
    if (host.contains("sandbox.paypal.com")) {
      return new PayPalLinks(SANDBOX);
    }
    if (host.endsWith("paypal.com")) {
      return new PayPalLinks(LIVE);
    }
    return new PayPalLinks(settings.env() == PayPalEnv.LIVE ? LIVE : SANDBOX);
  }

  /** The dispute's page in the Resolution Center. */
  public String dispute(String disputeId) {
    return webBase
        + "/resolutioncenter/view/"
        + URLEncoder.encode(disputeId, StandardCharsets.UTF_8);
  }

  private static String hostOf(String url) {
    try {
      String host = url == null ? null : URI.create(url).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
