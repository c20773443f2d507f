package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;

/** A message only {@code user} saw, from {@code chat.postEphemeral} or a {@code response_url}. */
public record Ephemeral(
    String channel, String user, String ts, String threadTs, String text, JsonNode blocks) {
  @Override
  public JsonNode blocks() {
    return blocks == null ? null : blocks.deepCopy();
  }
}
