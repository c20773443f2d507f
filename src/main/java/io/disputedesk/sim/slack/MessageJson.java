package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders stored messages the way Slack's message objects look, and reads message arguments. */
final class MessageJson {
  static final int MAX_BLOCKS = 50;
  static final int MAX_TEXT = 40_000;

  private final ObjectMapper mapper;
  private final Workspace workspace;

  MessageJson(ObjectMapper mapper, Workspace workspace) {
    this.mapper = mapper;
    this.workspace = workspace;
  }

  ObjectNode render(SlackMessage m, boolean withMetadata) {
    ObjectNode node = mapper.createObjectNode();
    node.put("type", "message");
    if (m.botId() != null) {
      node.put("subtype", "bot_message");
      node.put("bot_id", m.botId());
      node.put("app_id", workspace.appId());
    }
    node.put("user", m.user());
    node.put("text", m.text() == null ? "" : m.text());
    node.put("ts", m.ts());
    node.put("team", workspace.teamId());
    if (m.blocks() != null) {
      node.set("blocks", m.blocks());
    }
    if (m.isReply()) {
      node.put("thread_ts", m.threadTs());
      node.put("parent_user_id", workspace.botUserId());
    } else if (m.replyCount() > 0) {
      node.put("thread_ts", m.ts());
      node.put("reply_count", m.replyCount());
      node.put("latest_reply", m.latestReply());
    }
    if (m.edited()) {
      node.putObject("edited").put("user", m.user()).put("ts", m.ts());
    }
    if (withMetadata && m.metadata() != null) {
      ObjectNode metadata = node.putObject("metadata");
      metadata.put("event_type", m.metadata().eventType());
      metadata.set("event_payload", m.metadata().eventPayload());
    }
    return node;
  }

  /** The {@code blocks} argument: a JSON array of at most 50 blocks, or {@code invalid_blocks}. */
  JsonNode blocks(Params params) {
    JsonNode blocks = params.json("blocks", "invalid_blocks").orElse(null);
    if (blocks == null) {
      return null;
    }
    if (!blocks.isArray()) {
      throw new MethodError("invalid_blocks", List.of("`blocks` must be an array"));
    }
    if (blocks.size() > MAX_BLOCKS) {
      throw new MethodError(
          "invalid_blocks", List.of("no more than 50 items allowed [json-pointer:/blocks]"));
    }
    return blocks;
  }

  /** The {@code metadata} argument: {@code {"event_type":…,"event_payload":{…}}}. */
  MessageMetadata metadata(Params params) {
    JsonNode node = params.json("metadata", "invalid_metadata_format").orElse(null);
    if (node == null) {
      return null;
    }
    JsonNode type = node.get("event_type");
    JsonNode payload = node.get("event_payload");
    if (type == null
        || !type.isTextual()
        || type.asText().isEmpty()
        || (payload != null && !payload.isObject())) {
      throw new MethodError("invalid_metadata_format");
    }
    return new MessageMetadata(
        type.asText(), payload == null ? mapper.createObjectNode() : payload);
  }

  /** The {@code text} argument, or {@code msg_too_long}. */
  String text(Params params) {
    String text = params.optional("text").orElse(null);
    if (text != null && text.length() > MAX_TEXT) {
      throw new MethodError("msg_too_long");
    }
    return text;
  }
}
