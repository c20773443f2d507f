package io.disputedesk.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds a view's {@code state.values}: block_id → action_id → the element's current value. */
public final class StateValues {
  private final ObjectNode values = JsonNodeFactory.instance.objectNode();

  public StateValues plainText(String blockId, String actionId, String value) {
    ObjectNode element = element(blockId, actionId, "plain_text_input");
    if (value == null) {
      element.putNull("value");
    } else {
      element.put("value", value);
    }
    return this;
  }

  public StateValues staticSelect(String blockId, String actionId, String value, String label) {
    ObjectNode option = element(blockId, actionId, "static_select").putObject("selected_option");
    option.putObject("text").put("type", "plain_text").put("text", label).put("emoji", true);
    option.put("value", value);
    return this;
  }

  public StateValues datepicker(String blockId, String actionId, String isoDate) {
    element(blockId, actionId, "datepicker").put("selected_date", isoDate);
    return this;
  }

  public StateValues timepicker(String blockId, String actionId, String time) {
    element(blockId, actionId, "timepicker").put("selected_time", time);
    return this;
  }

  public StateValues usersSelect(String blockId, String actionId, String userId) {
    element(blockId, actionId, "users_select").put("selected_user", userId);
    return this;
  }

  /** A {@code checkboxes} element with the given option values ticked. */
  public StateValues checkboxes(String blockId, String actionId, String... ticked) {
    ArrayNode array = element(blockId, actionId, "checkboxes").putArray("selected_options");
    for (String value : ticked) {
      ObjectNode option = array.addObject();
      option.putObject("text").put("type", "plain_text").put("text", value);
      option.put("value", value);
    }
    return this;
  }

  /** A {@code file_input} with the given file objects (as Slack describes attached files). */
  public StateValues fileInput(String blockId, String actionId, List<ObjectNode> files) {
    ArrayNode array = element(blockId, actionId, "file_input").putArray("files");
    files.forEach(array::add);
    return this;
  }

  /** The {@code values} object, copied. */
  public ObjectNode toJson() {
    return values.deepCopy();
  }

  private ObjectNode element(String blockId, String actionId, String type) {
    ObjectNode block =
        values.has(blockId) ? (ObjectNode) values.get(blockId) : values.putObject(blockId);
    return block.putObject(actionId).put("type", type);
  }
}
