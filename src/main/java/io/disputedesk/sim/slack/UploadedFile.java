package io.disputedesk.sim.slack;

import java.nio.charset.StandardCharsets;

/** A file shared through {@code files.getUploadURLExternal} → upload → {@code files.completeUploadExternal}. */
public record UploadedFile(
    String id, String filename, String title, String channel, String threadTs, String initialComment, byte[] content) {

  @Override
  public byte[] content() {
    return content.clone();
  }

  public String contentText() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
