package io.disputedesk.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * The payload of a FILE outbox row: a file to share in a channel with a message ({@code comment},
 * mrkdwn). {@code filename} names this one intent, so that after a lost answer the file can be
 * found among the channel's files instead of being shared twice.
 */
public record FilePost(String filename, String title, String comment, byte[] content) {
  public FilePost {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(content, "content");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  static FilePost read(ObjectMapper mapper, String payload) {
    try {
      return mapper.readValue(payload, FilePost.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SlackException("outbox", "unreadable_payload", null, null);
    }
  }
}
