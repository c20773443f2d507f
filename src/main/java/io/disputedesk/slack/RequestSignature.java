package io.disputedesk.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature ({@code v0}): HMAC-SHA256 of {@code v0:<timestamp>:<body>} with the
 * app's signing secret. Unlike Bolt 1.51.0's own check, the comparison takes the same time however
 * much of a forged signature is right, and a timestamp more than five minutes away from our clock
 * is refused in either direction, so a request cannot be signed now for replay later.
 */
public final class RequestSignature {
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Slack-Signature";
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final int MAX_TIMESTAMP_DIGITS = 12;

  private final SecretKeySpec key;
  private final Clock clock;

  public RequestSignature(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isEmpty()) {
      throw new IllegalArgumentException("Slack signing secret is missing");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * True when {@code signature} is Slack's for exactly these body bytes, sent at {@code timestamp}.
   */
  public boolean verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null
        || signature == null
        || timestamp.isEmpty()
        || timestamp.length() > MAX_TIMESTAMP_DIGITS
        || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    long sentAt = Long.parseLong(timestamp);
    if (Math.abs(clock.instant().getEpochSecond() - sentAt) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] expected =
        ("v0=" + HexFormat.of().formatHex(mac(timestamp, body)))
            .getBytes(StandardCharsets.US_ASCII);
    // Constant time: how long the comparison takes says nothing about how much of a guess was
    // right.
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] mac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
