package io.disputedesk.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * Block Kit JSON elements, each cut to Slack's limits (BlockLimits, shared/slack/LIMITS.md); used
 * by the builder classes only (cards, threads, lists, Home, digest).
 */
public final class BlockKit {
  public static final int MESSAGE_BLOCKS = BlockLimits.MESSAGE_BLOCKS;
  public static final int VIEW_BLOCKS = BlockLimits.VIEW_BLOCKS;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private BlockKit() {}

  public static ArrayNode array() {
    return F.arrayNode();
  }

  /** A plain text object, as given (the caller keeps it within its element's limit). */
  public static ObjectNode plain(String text) {
    return F.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
  }

  /**
   * A mrkdwn text object, as given; {@code text} must already be escaped and within its element's
   * limit.
   */
  public static ObjectNode mrkdwn(String text) {
    return F.objectNode().put("type", "mrkdwn").put("text", text);
  }

  static ObjectNode plain(String text, int max) {
    return F.objectNode()
        .put("type", "plain_text")
        .put("text", Mrkdwn.cut(nonEmpty(text), max))
        .put("emoji", true);
  }

  /** A mrkdwn text object; {@code mrkdwn} must already be escaped. */
  static ObjectNode mrkdwn(String mrkdwn, int max) {
    return F.objectNode()
        .put("type", "mrkdwn")
        .put("text", Mrkdwn.cutEscaped(nonEmpty(mrkdwn), max));
  }

  public static ObjectNode header(String text) {
    ObjectNode block = F.objectNode().put("type", "header");
    block.set("text", plain(text, BlockLimits.HEADER_TEXT));
    return block;
  }

  public static ObjectNode section(String mrkdwn) {
    ObjectNode block = F.objectNode().put("type", "section");
    block.set("text", mrkdwn(mrkdwn, BlockLimits.SECTION_TEXT));
    return block;
  }

  /** A section whose text sits beside an element (a button). */
  public static ObjectNode section(String mrkdwn, ObjectNode accessory) {
    ObjectNode block = section(mrkdwn);
    block.set("accessory", accessory);
    return block;
  }

  /** A section of two-column fields, at most ten. */
  static ObjectNode fields(List<String> mrkdwnFields) {
    ObjectNode block = F.objectNode().put("type", "section");
    ArrayNode fields = block.putArray("fields");
    mrkdwnFields.stream()
        .limit(BlockLimits.SECTION_FIELDS)
        .forEach(f -> fields.add(mrkdwn(f, BlockLimits.FIELD_TEXT)));
    return block;
  }

  /** Small grey text. */
  public static ObjectNode context(String mrkdwn) {
    return context(List.of(mrkdwn));
  }

  public static ObjectNode divider() {
    return F.objectNode().put("type", "divider");
  }

  static ObjectNode context(List<String> mrkdwnElements) {
    ObjectNode block = F.objectNode().put("type", "context");
    ArrayNode elements = block.putArray("elements");
    mrkdwnElements.stream()
        .limit(BlockLimits.CONTEXT_ELEMENTS)
        .forEach(e -> elements.add(mrkdwn(e, BlockLimits.SECTION_TEXT)));
    return block;
  }

  static ObjectNode actions(String blockId, List<ObjectNode> elements) {
    ObjectNode block = F.objectNode().put("type", "actions").put("block_id", blockId);
    ArrayNode list = block.putArray("elements");
    elements.stream().limit(BlockLimits.ACTIONS_ELEMENTS).forEach(list::add);
    return block;
  }

  public static ObjectNode actions(ObjectNode... elements) {
    ObjectNode block = F.objectNode().put("type", "actions");
    ArrayNode list = block.putArray("elements");
    Arrays.stream(elements).limit(BlockLimits.ACTIONS_ELEMENTS).forEach(list::add);
    return block;
  }

  public static ObjectNode button(String actionId, String text, String value) {
    ObjectNode button = F.objectNode().put("type", "button").put("action_id", actionId);
    button.set("text", plain(text, BlockLimits.BUTTON_TEXT));
    if (value != null) {
      button.put("value", Mrkdwn.cut(value, BlockLimits.BUTTON_VALUE));
    }
    return button;
  }

  static ObjectNode confirm(String title, String text, String confirm, String deny) {
    ObjectNode dialog = F.objectNode();
    dialog.set("title", plain(title, BlockLimits.CONFIRM_TITLE));
    dialog.set("text", plain(text, BlockLimits.CONFIRM_TEXT));
    dialog.set("confirm", plain(confirm, BlockLimits.CONFIRM_BUTTON));
    dialog.set("deny", plain(deny, BlockLimits.CONFIRM_BUTTON));
    return dialog;
  }

  static ObjectNode overflow(String actionId, List<ObjectNode> options) {
    ObjectNode menu = F.objectNode().put("type", "overflow").put("action_id", actionId);
    ArrayNode list = menu.putArray("options");
    options.stream().limit(BlockLimits.OVERFLOW_OPTIONS).forEach(list::add);
    return menu;
  }

  static ObjectNode option(String text, String value) {
    ObjectNode option = F.objectNode();
    option.set("text", plain(text, BlockLimits.OPTION_TEXT));
    option.put("value", value);
    return option;
  }

  private static String nonEmpty(String text) {
    // Slack rejects empty text objects; a single space would be trimmed too.
    return text == null || text.isBlank() ? "-" : text;
  }
}
