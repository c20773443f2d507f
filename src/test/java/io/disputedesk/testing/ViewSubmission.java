package io.disputedesk.testing;

import static io.disputedesk.testing.SlackRequests.APP_ID;
import static io.disputedesk.testing.SlackRequests.BOT_ID;
import static io.disputedesk.testing.SlackRequests.JSON;
import static io.disputedesk.testing.SlackRequests.TEAM_ID;
import static io.disputedesk.testing.SlackRequests.USER_ID;
import static io.disputedesk.testing.SlackRequests.USER_NAME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@code view_submission} payload: a modal's callback id, private metadata and input state. */
public final class ViewSubmission {
  private final String callbackId;
  private String viewId = "V0A1B2C3J";
  private String privateMetadata = "";
  private String userId = USER_ID;
  private String userName = USER_NAME;
  private StateValues state = new StateValues();
  private JsonNode blocks;

  ViewSubmission(String callbackId) {
    this.callbackId = callbackId;
  }

  public ViewSubmission viewId(String id) {
    this.viewId = id;
    return this;
  }

  public ViewSubmission privateMetadata(String metadata) {
    this.privateMetadata = metadata;
    return this;
  }

  public ViewSubmission user(String id, String name) {
    this.userId = id;
    this.userName = name;
    return this;
  }

  /** The view's blocks as Slack sends them back with the submission (none unless set). */
  public ViewSubmission blocks(JsonNode viewBlocks) {
    this.blocks = viewBlocks;
    return this;
  }

  public ViewSubmission state(StateValues values) {
    this.state = values;
    return this;
  }

  public SlackBody body() {
    ObjectNode p = JSON.objectNode().put("type", "view_submission");
    p.set("team", SlackRequests.teamJson());
    p.set("user", SlackRequests.userJson(userId, userName));
    p.put("api_app_id", APP_ID)
        .put("token", SlackRequests.VERIFICATION_TOKEN)
        .put("trigger_id", "3333333333333.2222222222.fedcba9876543210fedcba9876543210");
    ObjectNode view =
        p.putObject("view").put("id", viewId).put("team_id", TEAM_ID).put("type", "modal");
    if (blocks != null && blocks.isArray()) {
      view.set("blocks", blocks.deepCopy());
    } else {
      view.putArray("blocks");
    }
    view.put("private_metadata", privateMetadata).put("callback_id", callbackId);
    view.putObject("state").set("values", state.toJson());
    view.put("hash", "1732700100.AbCdEf12");
    view.putObject("title").put("type", "plain_text").put("text", "Modal").put("emoji", true);
    view.put("clear_on_close", false).put("notify_on_close", false);
    view.putNull("previous_view_id");
    view.put("root_view_id", viewId)
        .put("app_id", APP_ID)
        .put("external_id", "")
        .put("app_installed_team_id", TEAM_ID)
        .put("bot_id", BOT_ID);
    p.putArray("response_urls");
    p.put("is_enterprise_install", false).putNull("enterprise");
    return SlackRequests.payloadForm(p);
  }
}
