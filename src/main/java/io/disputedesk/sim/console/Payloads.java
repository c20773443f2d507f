package io.disputedesk.sim.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.http.FormCodec;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackUser;
import io.disputedesk.sim.slack.Workspace;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the bodies Slack POSTs to an app: interactivity payloads, slash commands and events. */
final class Payloads {
  private final ObjectMapper mapper;
  private final Workspace workspace;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

  Payloads(ObjectMapper mapper, Workspace workspace, Clock clock) {
    this.mapper = mapper;
    this.workspace = workspace;
    this.clock = clock;
  }

  /** Where a clicked element was: a message (maybe ephemeral, maybe in a thread) or a view. */
  sealed interface Container {}

  record InMessage(
      String channel,
      String channelName,
      String ts,
      String threadTs,
      boolean ephemeral,
      SlackMessage message,
      String responseUrl)
      implements Container {}

  record InView(JsonNode view) implements Container {}

  /** {@code payload=…} for a {@code block_actions} interaction. */
  String blockActions(
      SlackUser user, Container container, ObjectNode action, JsonNode state, String triggerId) {
    ObjectNode p = base("block_actions", user);
    action.put("action_ts", actionTs());
    if (container instanceof InMessage m) {
      ObjectNode c =
          p.putObject("container")
              .put("type", "message")
              .put("message_ts", m.ts())
              .put("channel_id", m.channel())
              .put("is_ephemeral", m.ephemeral());
      if (m.threadTs() != null) {
        c.put("thread_ts", m.threadTs());
      }
      p.put("trigger_id", triggerId);
      p.set("team", team());
      p.putNull("enterprise");
      p.put("is_enterprise_install", false);
      p.putObject("channel").put("id", m.channel()).put("name", m.channelName());
      if (m.message() != null) {
        p.set("message", messageJson(m.message()));
      }
      p.putObject("state").set("values", state);
      p.put("response_url", m.responseUrl());
    } else if (container instanceof InView v) {
      p.putObject("container").put("type", "view").put("view_id", v.view().path("id").asText());
      p.put("trigger_id", triggerId);
      p.set("team", team());
      p.putNull("enterprise");
      p.put("is_enterprise_install", false);
      p.set("view", withState(v.view(), state));
    }
    p.putArray("actions").add(action);
    return form(p);
  }

  /** {@code payload=…} for a {@code view_submission}. */
  String viewSubmission(SlackUser user, JsonNode view, JsonNode state, String triggerId) {
    ObjectNode p = base("view_submission", user);
    p.set("team", team());
    p.put("trigger_id", triggerId);
    p.set("view", withState(view, state));
    p.putArray("response_urls");
    p.put("is_enterprise_install", false);
    p.putNull("enterprise");
    return form(p);
  }

  /** {@code payload=…} for a {@code view_closed} (only for views with {@code notify_on_close}). */
  String viewClosed(SlackUser user, JsonNode view, JsonNode state) {
    ObjectNode p = base("view_closed", user);
    p.set("team", team());
    p.set("view", withState(view, state));
    p.put("is_cleared", false);
    p.put("is_enterprise_install", false);
    p.putNull("enterprise");
    return form(p);
  }

  /** The form fields of a slash command. */
  String slashCommand(
      SlackUser user,
      String channel,
      String channelName,
      String command,
      String text,
      String responseUrl,
      String triggerId) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "console");
    f.put("team_id", workspace.teamId());
    f.put("team_domain", workspace.domain());
    f.put("channel_id", channel);
    f.put("channel_name", channelName);
    f.put("user_id", user.id());
    f.put("user_name", user.name());
    f.put("command", command);
    f.put("text", text);
    f.put("api_app_id", workspace.appId());
    f.put("is_enterprise_install", "false");
    f.put("response_url", responseUrl);
    f.put("trigger_id", triggerId);
    return FormCodec.encode(f);
  }

  /**
   * The Events API envelope of {@code app_home_opened}; {@code view} is the published Home tab or
   * null.
   */
  String appHomeOpened(SlackUser user, JsonNode view) {
    long now = clock.instant().getEpochSecond();
    ObjectNode root =
        mapper
            .createObjectNode()
            .put("token", "console")
            .put("team_id", workspace.teamId())
            .put("api_app_id", workspace.appId());
    ObjectNode event =
        root.putObject("event")
            .put("type", "app_home_opened")
            .put("user", user.id())
            .put("channel", "D" + user.id().substring(1))
            .put("tab", "home")
            .put("event_ts", actionTs());
    if (view != null) {
      event.set("view", view);
    }
    root.put("type", "event_callback")
        .put("event_id", "Ev" + Long.toString(now, 36).toUpperCase() + sequence.incrementAndGet())
        .put("event_time", now);
    root.putArray("authorizations")
        .addObject()
        .putNull("enterprise_id")
        .put("team_id", workspace.teamId())
        .put("user_id", workspace.botUserId())
        .put("is_bot", true)
        .put("is_enterprise_install", false);
    root.put("is_ext_shared_channel", false);
    return root.toString();
  }

  private ObjectNode base(String type, SlackUser user) {
    ObjectNode p = mapper.createObjectNode().put("type", type);
    p.putObject("user")
        .put("id", user.id())
        .put("username", user.name())
        .put("name", user.name())
        .put("team_id", workspace.teamId());
    p.put("api_app_id", workspace.appId()).put("token", "console");
    return p;
  }

  private ObjectNode team() {
    return mapper
        .createObjectNode()
        .put("id", workspace.teamId())
        .put("domain", workspace.domain());
  }

  private ObjectNode messageJson(SlackMessage m) {
    ObjectNode node = mapper.createObjectNode().put("type", "message");
    if (m.botId() != null) {
      node.put("bot_id", m.botId()).put("app_id", workspace.appId());
    }
    node.put("user", m.user())
        .put("text", m.text() == null ? "" : m.text())
        .put("ts", m.ts())
        .put("team", workspace.teamId());
    if (m.blocks() != null) {
      node.set("blocks", m.blocks());
    }
    if (m.threadTs() != null) {
      node.put("thread_ts", m.threadTs());
    }
    return node;
  }

  private static ObjectNode withState(JsonNode view, JsonNode state) {
    ObjectNode copy = (ObjectNode) view.deepCopy();
    copy.putObject("state").set("values", state);
    return copy;
  }

  private String actionTs() {
    long micros = clock.instant().toEpochMilli() * 1000 + sequence.incrementAndGet() % 1000;
    return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  private static String form(ObjectNode payload) {
    return "payload=" + FormCodec.encodePart(payload.toString());
  }
}
