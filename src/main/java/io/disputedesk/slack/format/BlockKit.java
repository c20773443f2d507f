package io.disputedesk.slack.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.slack.Mrkdwn;

/** Block Kit JSON for the blocks our builders use, with Slack's text limits applied (LIMITS.md). */
public final class BlockKit {
  public static final int MESSAGE_BLOCKS = 50;
  public static final int VIEW_BLOCKS = 100;
  static final int SECTION_TEXT = 3000;
  static final int HEADER_TEXT = 150;
  static final int BUTTON_TEXT = 75;
  static final int BUTTON_VALUE = 2000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BlockKit() {}

  public static ArrayNode array() {
    return JSON.arrayNode();
  }

  public static ObjectNode header(String plainText) {
    ObjectNode block = JSON.objectNode().put("type", "header");
    block.set("text", plain(Mrkdwn.cut(plainText, HEADER_TEXT)));
    return block;
  }

  public static ObjectNode section(String mrkdwn) {
    ObjectNode block = JSON.objectNode().put("type", "section");
    block.set("text", mrkdwn(Mrkdwn.cutEscaped(mrkdwn, SECTION_TEXT)));
    return block;
  }

  /** A section whose text sits beside a button. */
  public static ObjectNode section(String mrkdwn, ObjectNode accessory) {
    ObjectNode block = section(mrkdwn);
    block.set("accessory", accessory);
    return block;
  }

  /** Small grey text. */
  public static ObjectNode context(String mrkdwn) {
    ObjectNode block = JSON.objectNode().put("type", "context");
    block.putArray("elements").add(mrkdwn(Mrkdwn.cutEscaped(mrkdwn, SECTION_TEXT)));
    return block;
  }

  public static ObjectNode divider() {
    return JSON.objectNode().put("type", "divider");
  }

  public static ObjectNode actions(ObjectNode... buttons) {
    ObjectNode block = JSON.objectNode().put("type", "actions");
    ArrayNode elements = block.putArray("elements");
    for (ObjectNode b : buttons) {
      elements.add(b);
    }
    return block;
  }

  public static ObjectNode button(String text, String actionId, String value) {
    if (value.length() > BUTTON_VALUE) {
      throw new IllegalArgumentException("button value longer than " + BUTTON_VALUE + " characters");
    }
    ObjectNode button = JSON.objectNode().put("type", "button").put("action_id", actionId).put("value", value);
    button.set("text", plain(Mrkdwn.cut(text, BUTTON_TEXT)));
    return button;
  }

  public static ObjectNode plain(String text) {
    return JSON.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
  }

  public static ObjectNode mrkdwn(String text) {
    return JSON.objectNode().put("type", "mrkdwn").put("text", text);
  }
}
