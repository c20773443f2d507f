package io.disputedesk.sim.slack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A file shared through {@code files.getUploadURLExternal} → upload → {@code
 * files.completeUploadExternal}.
 */
public record UploadedFile(
    String id,
    String filename,
    String title,
    String channel,
    String threadTs,
    String initialComment,
    byte[] content,
    Instant created) {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  @Override
  public byte[] content() {
    return content.clone();
  }

  public String contentText() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /**
   * {@code image/png} when the bytes are a PNG (whatever the name says), else {@code
   * application/octet-stream}.
   */
  public String mimetype() {
    boolean png =
        content.length >= PNG_SIGNATURE.length
            && Arrays.equals(Arrays.copyOf(content, PNG_SIGNATURE.length), PNG_SIGNATURE);
    return png ? "image/png" : "application/octet-stream";
  }
}
