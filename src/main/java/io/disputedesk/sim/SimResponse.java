package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What the simulator answers: status, JSON body (null for none) and extra headers; {@code raw},
 * when set, is sent as a 200 body byte for byte instead (a spoilt answer).
 */
record SimResponse(int status, JsonNode body, Map<String, String> headers, byte[] raw) {
  SimResponse(int status, JsonNode body, Map<String, String> headers) {
    this(status, body, headers, null);
  }

  static SimResponse ok(JsonNode body) {
    return new SimResponse(200, body, Map.of());
  }

  static SimResponse noContent() {
    return new SimResponse(204, null, Map.of());
  }

  static SimResponse raw(byte[] bytes) {
    return new SimResponse(200, null, Map.of(), bytes.clone());
  }
}
