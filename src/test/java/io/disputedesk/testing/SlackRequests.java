package io.disputedesk.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.http.FormCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds wire-exact bodies of what Slack POSTs to the app (shapes from {@code
 * /work/shared/slack/payloads/}); ids default to the ones used there.
 */
public final class SlackRequests {
  public static final String TEAM_ID = "T0A1B2C3D";
  public static final String TEAM_DOMAIN = "acme-payments";
  public static final String APP_ID = "A0A1B2C3G";
  public static final String USER_ID = "U0A1B2C3E";
  public static final String USER_NAME = "alice";
  public static final String CHANNEL_ID = "C0A1B2C3F";
  public static final String CHANNEL_NAME = "disputes";
  public static final String BOT_USER_ID = "U0A1B2BOT";
  public static final String BOT_ID = "B0A1B2C3H";
  public static final String TRIGGER_ID =
      "1111111111111.2222222222.0123456789abcdef0123456789abcdef";
  static final String VERIFICATION_TOKEN = "legacyVerificationTokenXYZ";
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SlackRequests() {}

  public static SlashCommand slashCommand(String command) {
    return new SlashCommand(command);
  }

  public static BlockAction blockAction(String actionId) {
    return new BlockAction(actionId);
  }

  public static ViewSubmission viewSubmission(String callbackId) {
    return new ViewSubmission(callbackId);
  }

  /** An {@code event_callback} envelope carrying {@code app_home_opened} for the Home tab. */
  public static SlackBody appHomeOpened(String userId, String eventId) {
    ObjectNode event =
        JSON.objectNode()
            .put("type", "app_home_opened")
            .put("user", userId)
            .put("channel", "D" + userId.substring(1))
            .put("tab", "home")
            .put("event_ts", "1732700200.000300");
    return eventCallback(event, eventId);
  }

  /** The {@code event_callback} envelope the Events API posts, around any {@code event}. */
  public static SlackBody eventCallback(ObjectNode event, String eventId) {
    ObjectNode root =
        JSON.objectNode()
            .put("token", VERIFICATION_TOKEN)
            .put("team_id", TEAM_ID)
            .put("api_app_id", APP_ID);
    root.set("event", event);
    root.put("type", "event_callback").put("event_id", eventId).put("event_time", 1732700200);
    root.putArray("authorizations")
        .addObject()
        .putNull("enterprise_id")
        .put("team_id", TEAM_ID)
        .put("user_id", BOT_USER_ID)
        .put("is_bot", true)
        .put("is_enterprise_install", false);
    root.put("is_ext_shared_channel", false)
        .put("event_context", "4-eyJldCI6ImFwcF9ob21lX29wZW5lZCJ9");
    return SlackBody.json(root.toString());
  }

  /** The challenge Slack sends when the Request URL is saved. */
  public static SlackBody urlVerification(String challenge) {
    return SlackBody.json(
        JSON.objectNode()
            .put("token", VERIFICATION_TOKEN)
            .put("challenge", challenge)
            .put("type", "url_verification")
            .toString());
  }

  /** {@code payload=<urlencoded JSON>}, as interactivity requests arrive. */
  static SlackBody payloadForm(ObjectNode payload) {
    return SlackBody.form("payload=" + FormCodec.encodePart(payload.toString()));
  }

  static ObjectNode userJson(String userId, String userName) {
    return JSON.objectNode()
        .put("id", userId)
        .put("username", userName)
        .put("name", userName)
        .put("team_id", TEAM_ID);
  }

  static ObjectNode teamJson() {
    return JSON.objectNode().put("id", TEAM_ID).put("domain", TEAM_DOMAIN);
  }

  /** A slash command: plain form fields. */
  public static final class SlashCommand {
    private final Map<String, String> fields = new LinkedHashMap<>();

    private SlashCommand(String command) {
      fields.put("token", VERIFICATION_TOKEN);
      fields.put("team_id", TEAM_ID);
      fields.put("team_domain", TEAM_DOMAIN);
      fields.put("channel_id", CHANNEL_ID);
      fields.put("channel_name", CHANNEL_NAME);
      fields.put("user_id", USER_ID);
      fields.put("user_name", USER_NAME);
      fields.put("command", command);
      fields.put("text", "");
      fields.put("api_app_id", APP_ID);
      fields.put("is_enterprise_install", "false");
      fields.put(
          "response_url",
          "https://hooks.slack.com/commands/T0A1B2C3D/1111111111111/AbCdEfGhIjKlMnOpQrStUvWx");
      fields.put("trigger_id", TRIGGER_ID);
    }

    public SlashCommand text(String text) {
      fields.put("text", text);
      return this;
    }

    public SlashCommand user(String userId, String userName) {
      fields.put("user_id", userId);
      fields.put("user_name", userName);
      return this;
    }

    public SlashCommand channel(String channelId, String channelName) {
      fields.put("channel_id", channelId);
      fields.put("channel_name", channelName);
      return this;
    }

    public SlashCommand responseUrl(String url) {
      fields.put("response_url", url);
      return this;
    }

    public SlashCommand triggerId(String triggerId) {
      fields.put("trigger_id", triggerId);
      return this;
    }

    public SlackBody body() {
      return SlackBody.form(FormCodec.encode(fields));
    }
  }

  /** A {@code block_actions} payload for one button click, on a message or in a view. */
  public static final class BlockAction {
    private final ObjectNode action = JSON.objectNode();
    private String userId = USER_ID;
    private String userName = USER_NAME;
    private String triggerId = TRIGGER_ID;
    private String responseUrl =
        "https://hooks.slack.com/actions/T0A1B2C3D/2222222222222/BcDeFgHiJkLmNoPqRsTuVwXy";
    private String channelId = CHANNEL_ID;
    private String messageTs = "1732700000.000100";
    private ObjectNode view;
    private StateValues state = new StateValues();

    private BlockAction(String actionId) {
      action.put("action_id", actionId).put("block_id", "actions").put("type", "button");
      action.putObject("text").put("type", "plain_text").put("text", actionId).put("emoji", true);
      action.put("action_ts", "1732700042.123456");
    }

    public BlockAction blockId(String blockId) {
      action.put("block_id", blockId);
      return this;
    }

    public BlockAction value(String value) {
      action.put("value", value);
      return this;
    }

    /** A choice in an overflow menu instead of a button press: Slack sends the option, no value. */
    public BlockAction overflowChoice(String optionValue) {
      action.remove("value");
      action.remove("text");
      action.put("type", "overflow");
      ObjectNode option = action.putObject("selected_option");
      option
          .putObject("text")
          .put("type", "plain_text")
          .put("text", optionValue)
          .put("emoji", true);
      option.put("value", optionValue);
      return this;
    }

    /** When the click happened, as Slack stamps it; distinct clicks have distinct stamps. */
    public BlockAction actionTs(String actionTs) {
      action.put("action_ts", actionTs);
      return this;
    }

    public BlockAction user(String id, String name) {
      this.userId = id;
      this.userName = name;
      return this;
    }

    public BlockAction triggerId(String triggerId) {
      this.triggerId = triggerId;
      return this;
    }

    /** Clicked on the message {@code ts} in {@code channel}, answering to {@code responseUrl}. */
    public BlockAction inMessage(String channel, String ts, String responseUrl) {
      this.channelId = channel;
      this.messageTs = ts;
      this.responseUrl = responseUrl;
      this.view = null;
      return this;
    }

    /**
     * Clicked in a view ({@code "home"} or {@code "modal"}); such payloads have no response_url.
     */
    public BlockAction inView(
        String viewId, String viewType, String callbackId, String privateMetadata) {
      this.view =
          JSON.objectNode()
              .put("id", viewId)
              .put("team_id", TEAM_ID)
              .put("type", viewType)
              .put("callback_id", callbackId)
              .put("private_metadata", privateMetadata)
              .put("hash", "1732700150.0a1b2c3d")
              .put("root_view_id", viewId)
              .put("app_id", APP_ID)
              .put("bot_id", BOT_ID);
      view.putArray("blocks");
      return this;
    }

    public BlockAction state(StateValues values) {
      this.state = values;
      return this;
    }

    /**
     * A choice in a select menu (e.g. an input with dispatch_action): Slack sends the option, no
     * value.
     */
    public BlockAction selectedOption(String optionValue, String label) {
      action.remove("value");
      action.remove("text");
      action.put("type", "static_select");
      ObjectNode option = action.putObject("selected_option");
      option.putObject("text").put("type", "plain_text").put("text", label).put("emoji", true);
      option.put("value", optionValue);
      return this;
    }

    /** The hash of the view clicked in, as Slack sends it (after {@link #inView}). */
    public BlockAction viewHash(String hash) {
      view.put("hash", hash);
      return this;
    }

    public SlackBody body() {
      ObjectNode p = JSON.objectNode().put("type", "block_actions");
      p.set("user", userJson(userId, userName));
      p.put("api_app_id", APP_ID).put("token", VERIFICATION_TOKEN);
      ObjectNode stateNode = JSON.objectNode();
      stateNode.set("values", state.toJson());
      if (view == null) {
        p.putObject("container")
            .put("type", "message")
            .put("message_ts", messageTs)
            .put("channel_id", channelId)
            .put("is_ephemeral", false);
      } else {
        p.putObject("container").put("type", "view").put("view_id", view.path("id").asText());
      }
      p.put("trigger_id", triggerId);
      p.set("team", teamJson());
      p.putNull("enterprise");
      p.put("is_enterprise_install", false);
      if (view == null) {
        p.putObject("channel").put("id", channelId).put("name", CHANNEL_NAME);
        p.putObject("message")
            .put("type", "message")
            .put("user", BOT_USER_ID)
            .put("bot_id", BOT_ID)
            .put("text", "")
            .put("ts", messageTs);
        p.set("state", stateNode);
        p.put("response_url", responseUrl);
      } else {
        ObjectNode v = view.deepCopy();
        v.set("state", stateNode);
        p.set("view", v);
      }
      ArrayNode actions = p.putArray("actions");
      actions.add(action.deepCopy());
      return payloadForm(p);
    }
  }
}
