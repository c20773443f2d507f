package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What the simulator answers: status, JSON body (null for none) and extra headers. */
record SimResponse(int status, JsonNode body, Map<String, String> headers) {
  static SimResponse ok(JsonNode body) {
    return new SimResponse(200, body, Map.of());
  }

  static SimResponse noContent() {
    return new SimResponse(204, null, Map.of());
  }
}
