package io.disputedesk.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** One message of a digest: fallback text and at most 50 blocks. */
public record DigestMessage(String text, ArrayNode blocks) {
  public SlackPost toPost() {
    return new SlackPost(text, blocks.toString());
  }
}
