package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A modal or Home tab view as {@link LocalSlack} holds it.
 *
 * @param json the whole view object exactly as the {@code views.*} methods return it
 */
public record SlackView(
    String id, String type, String user, String callbackId, String hash, JsonNode json) {
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }

  public String privateMetadata() {
    return json.path("private_metadata").asText("");
  }

  public String externalId() {
    return json.path("external_id").asText("");
  }

  public JsonNode blocks() {
    return json.path("blocks").deepCopy();
  }
}
