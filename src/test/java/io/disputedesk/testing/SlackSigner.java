package io.disputedesk.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs request bodies the way Slack does: {@code v0=} HMAC-SHA256 over {@code v0:<ts>:<body>}. */
public final class SlackSigner {
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Slack-Signature";

  private final String secret;
  private final Clock clock;

  public SlackSigner(String secret) {
    this(secret, Clock.systemUTC());
  }

  public SlackSigner(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /** The two signature headers for {@code body}, timestamped now. */
  public Map<String, String> headers(String body) {
    return headers(body, clock.instant().getEpochSecond());
  }

  /** The two signature headers for {@code body} at {@code epochSeconds}. */
  public Map<String, String> headers(String body, long epochSeconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(TIMESTAMP_HEADER, Long.toString(epochSeconds));
    headers.put(SIGNATURE_HEADER, signature(body, epochSeconds));
    return headers;
  }

  public String signature(String body, long epochSeconds) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + epochSeconds + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "SlackSigner[secret hidden]";
  }
}
