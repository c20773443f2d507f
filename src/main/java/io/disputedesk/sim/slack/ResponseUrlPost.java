package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One POST to a {@code response_url}.
 *
 * @param path the path after {@code /hooks/}
 * @param json the body parsed, or null when it was not JSON
 */
public record ResponseUrlPost(String path, String rawBody, JsonNode json, Instant at) {
  @Override
  public JsonNode json() {
    return json == null ? null : json.deepCopy();
  }
}
