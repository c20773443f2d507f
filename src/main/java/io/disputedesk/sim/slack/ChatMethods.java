package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code chat.postMessage}, {@code chat.update}, {@code chat.delete} and {@code
 * chat.postEphemeral}.
 */
final class ChatMethods {
  private final MessageStore messages;
  private final Channels channels;
  private final MessageJson json;
  private final Workspace workspace;
  private final ObjectMapper mapper;

  ChatMethods(
      MessageStore messages,
      Channels channels,
      MessageJson json,
      Workspace workspace,
      ObjectMapper mapper) {
    this.messages = messages;
    this.channels = channels;
    this.json = json;
    this.workspace = workspace;
    this.mapper = mapper;
  }

  void registerInto(Map<String, Method> table) {
    table.put("chat.postMessage", this::postMessage);
    table.put("chat.update", this::update);
    table.put("chat.delete", this::delete);
    table.put("chat.postEphemeral", this::postEphemeral);
  }

  private ObjectNode postMessage(ApiCall call) {
    Params params = new Params(call, mapper);
    String channel = channels.forPosting(call.param("channel"));
    MessageStore.Draft draft = draft(params, true);
    String threadTs = threadTs(params);
    SlackMessage posted =
        messages.post(channel, threadTs, workspace.botUserId(), workspace.botId(), draft);
    ObjectNode out = mapper.createObjectNode().put("channel", channel).put("ts", posted.ts());
    out.set("message", json.render(posted, true));
    return out;
  }

  private ObjectNode update(ApiCall call) {
    Params params = new Params(call, mapper);
    String channel = channels.existing(call.param("channel"));
    String ts = params.required("ts", "message_not_found");
    SlackMessage current =
        messages.find(channel, ts).orElseThrow(() -> new MethodError("message_not_found"));
    // Like Slack: arguments left out keep their current value; "blocks=[]" removes the blocks.
    String text = params.optional("text").isPresent() ? json.text(params) : current.text();
    JsonNode blocks =
        params.optional("blocks").isPresent() ? json.blocks(params) : current.blocks();
    MessageMetadata metadata =
        params.optional("metadata").isPresent() ? json.metadata(params) : current.metadata();
    SlackMessage updated =
        messages.update(channel, ts, new MessageStore.Draft(text, blocks, metadata));
    ObjectNode out = mapper.createObjectNode().put("channel", channel).put("ts", ts);
    out.put("text", updated.text() == null ? "" : updated.text());
    out.set("message", json.render(updated, false));
    return out;
  }

  private ObjectNode delete(ApiCall call) {
    Params params = new Params(call, mapper);
    String channel = channels.existing(call.param("channel"));
    String ts = params.required("ts", "message_not_found");
    if (!messages.delete(channel, ts)) {
      throw new MethodError("message_not_found");
    }
    return mapper.createObjectNode().put("channel", channel).put("ts", ts);
  }

  private ObjectNode postEphemeral(ApiCall call) {
    Params params = new Params(call, mapper);
    String channel = channels.forPosting(call.param("channel"));
    String user = params.required("user", "user_not_in_channel");
    MessageStore.Draft draft = draft(params, false);
    Ephemeral ephemeral =
        messages.postEphemeral(channel, user, params.optional("thread_ts").orElse(null), draft);
    return mapper.createObjectNode().put("message_ts", ephemeral.ts());
  }

  private MessageStore.Draft draft(Params params, boolean withMetadata) {
    String text = json.text(params);
    JsonNode blocks = json.blocks(params);
    boolean hasAttachments = params.optional("attachments").isPresent();
    if ((text == null || text.isBlank())
        && (blocks == null || blocks.isEmpty())
        && !hasAttachments) {
      throw new MethodError("no_text");
    }
    return new MessageStore.Draft(text, blocks, withMetadata ? json.metadata(params) : null);
  }

  private static String threadTs(Params params) {
    String threadTs = params.optional("thread_ts").orElse(null);
    if (threadTs != null) {
      Ts.parse(threadTs, "invalid_thread_ts");
    }
    return threadTs;
  }
}
