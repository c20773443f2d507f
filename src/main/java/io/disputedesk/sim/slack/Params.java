package io.disputedesk.sim.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/** Typed access to a call's parameters, failing the way Slack does. */
final class Params {
  private final ApiCall call;
  private final ObjectMapper mapper;

  Params(ApiCall call, ObjectMapper mapper) {
    this.call = call;
    this.mapper = mapper;
  }

  Optional<String> optional(String name) {
    String value = call.param(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** The value, or the given error when it is missing. */
  String required(String name, String errorIfMissing) {
    return optional(name)
        .orElseThrow(() -> new MethodError(errorIfMissing, List.of("missing `" + name + "`")));
  }

  String required(String name) {
    return required(name, "invalid_arguments");
  }

  int intOr(String name, int fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new MethodError("invalid_arguments", List.of("`" + name + "` is not a number"));
    }
  }

  boolean flag(String name) {
    return optional(name).map(v -> v.equals("true") || v.equals("1")).orElse(false);
  }

  /** A parameter holding JSON text, parsed; the given error when it is not valid JSON. */
  Optional<JsonNode> json(String name, String errorIfInvalid) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.readTree(value.get()));
    } catch (JsonProcessingException e) {
      throw new MethodError(errorIfInvalid, List.of("`" + name + "` is not valid JSON"));
    }
  }
}
