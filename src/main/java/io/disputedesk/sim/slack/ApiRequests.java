package io.disputedesk.sim.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.http.FormCodec;
import io.disputedesk.http.HeaderMap;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Decodes a Web API request body (form or JSON) and query string into an {@link ApiCall}. */
final class ApiRequests {
  private final ObjectMapper mapper;

  ApiRequests(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ApiCall decode(String method, HeaderMap headers, String query, String body, Instant at) {
    Map<String, String> params = new LinkedHashMap<>();
    try {
      FormCodec.decodeFirst(query).forEach(params::put);
      String contentType = headers.first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
      if (contentType.startsWith("application/json")) {
        params.putAll(jsonFields(body));
      } else if (contentType.startsWith("multipart/")) {
        throw new MethodError(
            "invalid_form_data", List.of("multipart bodies are not supported here"));
      } else {
        params.putAll(FormCodec.decodeFirst(body));
      }
    } catch (IllegalArgumentException e) {
      throw new MethodError("invalid_form_data");
    }
    return new ApiCall(method, headers, params, body, at);
  }

  /**
   * Top-level fields: strings as they are, objects and arrays as JSON text (as form fields carry
   * them).
   */
  private Map<String, String> jsonFields(String body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MethodError("invalid_json");
    }
    if (root == null || !root.isObject()) {
      throw new MethodError("invalid_json");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (!value.isNull()) {
        fields.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
      }
    }
    return fields;
  }
}
