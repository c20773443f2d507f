package io.disputedesk.ops;

import io.disputedesk.config.Secret;
import io.disputedesk.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** Checks {@code Authorization: Bearer …} against the configured token in constant time. */
final class BearerToken {
  private final Optional<byte[]> expected;

  BearerToken(Optional<Secret> token) {
    this.expected = token.map(t -> sha256(t.reveal()));
  }

  boolean configured() {
    return expected.isPresent();
  }

  /** True only when a token is configured and the request carries exactly it. */
  boolean accepts(Request request) {
    if (expected.isEmpty()) {
      return false;
    }
    String header = request.header("Authorization");
    String presented =
        header != null
                && header.length() > 7
                && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")
            ? header.substring(7).trim()
            : "";
    // Both sides hashed to 32 bytes, so the comparison takes the same time whatever was sent.
    return MessageDigest.isEqual(expected.get(), sha256(presented));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
