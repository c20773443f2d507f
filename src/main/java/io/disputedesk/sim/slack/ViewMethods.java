package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** {@code views.open}, {@code views.push}, {@code views.update} and {@code views.publish}. */
final class ViewMethods {
  private final ViewStore views;
  private final ObjectMapper mapper;

  ViewMethods(ViewStore views, ObjectMapper mapper) {
    this.views = views;
    this.mapper = mapper;
  }

  void registerInto(Map<String, Method> table) {
    table.put("views.open", call -> result(views.open(trigger(call), view(call))));
    table.put("views.push", call -> result(views.push(trigger(call), view(call))));
    table.put("views.update", this::update);
    table.put("views.publish", this::publish);
  }

  private ObjectNode update(ApiCall call) {
    Params params = new Params(call, mapper);
    String viewId = params.optional("view_id").orElse(null);
    String externalId = params.optional("external_id").orElse(null);
    if (viewId == null && externalId == null) {
      throw new MethodError(
          "invalid_arguments", List.of("either `view_id` or `external_id` is required"));
    }
    return result(
        views.update(viewId, externalId, params.optional("hash").orElse(null), view(call)));
  }

  private ObjectNode publish(ApiCall call) {
    Params params = new Params(call, mapper);
    String user = params.required("user_id");
    return result(views.publish(user, params.optional("hash").orElse(null), view(call)));
  }

  private String trigger(ApiCall call) {
    return new Params(call, mapper)
        .optional("trigger_id")
        .or(() -> new Params(call, mapper).optional("interactivity_pointer"))
        .orElse(null);
  }

  private JsonNode view(ApiCall call) {
    return new Params(call, mapper)
        .json("view", "invalid_arguments")
        .orElseThrow(() -> new MethodError("invalid_arguments", List.of("missing `view`")));
  }

  private ObjectNode result(SlackView view) {
    ObjectNode out = mapper.createObjectNode();
    out.set("view", view.json());
    return out;
  }
}
