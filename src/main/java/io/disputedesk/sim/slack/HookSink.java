package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code response_url} endpoint: records every POST and, for URLs minted for a message, applies
 * it the way Slack does (replace or delete the original, post in channel, or ephemeral).
 */
final class HookSink {
  /** The message (and clicking user) a minted response URL belongs to. */
  record Target(String channel, String messageTs, String user) {}

  private final MessageStore messages;
  private final Workspace workspace;
  private final ObjectMapper mapper;
  private final List<ResponseUrlPost> posts = new ArrayList<>();
  private final Map<String, Target> targets = new HashMap<>();
  private long sequence;

  HookSink(MessageStore messages, Workspace workspace, ObjectMapper mapper) {
    this.messages = messages;
    this.workspace = workspace;
    this.mapper = mapper;
  }

  /** A fresh hook path tied to a message. */
  synchronized String mint(Target target) {
    String path = "actions/" + workspace.teamId() + "/" + (++sequence) + "/message";
    targets.put(path, target);
    return path;
  }

  void receive(String path, String rawBody, Instant at) {
    JsonNode json = parse(rawBody);
    Target target;
    synchronized (this) {
      posts.add(new ResponseUrlPost(path, rawBody, json, at));
      target = targets.get(path);
    }
    if (target != null && json != null && json.isObject()) {
      apply(target, json);
    }
  }

  synchronized List<ResponseUrlPost> posts() {
    return List.copyOf(posts);
  }

  private void apply(Target target, JsonNode body) {
    String text = body.path("text").isMissingNode() ? null : body.path("text").asText();
    JsonNode blocks =
        body.get("blocks") != null && body.get("blocks").isArray() ? body.get("blocks") : null;
    MessageStore.Draft draft = new MessageStore.Draft(text, blocks, null);
    boolean ephemeral =
        target.messageTs() != null
            && messages.ephemerals(target.user()).stream()
                .anyMatch(e -> e.ts().equals(target.messageTs()));
    if (body.path("delete_original").asBoolean(false)) {
      if (ephemeral) {
        messages.deleteEphemeral(target.user(), target.messageTs());
      } else {
        messages.delete(target.channel(), target.messageTs());
      }
    } else if (body.path("replace_original").asBoolean(false) && ephemeral) {
      messages.replaceEphemeral(target.user(), target.messageTs(), draft);
    } else if (body.path("replace_original").asBoolean(false)) {
      try {
        messages.update(target.channel(), target.messageTs(), draft);
      } catch (MethodError gone) {
        // The original was deleted meanwhile; Slack drops the replacement too.
      }
    } else if ("in_channel".equals(body.path("response_type").asText())) {
      String threadTs = body.hasNonNull("thread_ts") ? body.get("thread_ts").asText() : null;
      messages.post(target.channel(), threadTs, workspace.botUserId(), workspace.botId(), draft);
    } else {
      messages.postEphemeral(target.channel(), target.user(), null, draft);
    }
  }

  private JsonNode parse(String rawBody) {
    try {
      return mapper.readTree(rawBody);
    } catch (IOException e) {
      return null;
    }
  }
}
