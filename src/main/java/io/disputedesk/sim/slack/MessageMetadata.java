package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;

/** A message's {@code metadata}: an event type and a JSON payload. */
public record MessageMetadata(String eventType, JsonNode eventPayload) {
  @Override
  public JsonNode eventPayload() {
    return eventPayload == null ? null : eventPayload.deepCopy();
  }
}
