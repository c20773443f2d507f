package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends {@link CommandReply}s to a {@code response_url} and turns them into ack bodies. */
public final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);
  private static final Type BLOCKS = new TypeToken<List<LayoutBlock>>() {}.getType();

  private final Slack slack;
  private final Gson gson = GsonFactory.createSnakeCase();

  public Replies(Slack slack) {
    this.slack = slack;
  }

  /** The reply as a slash-command response (for the ack body or the response_url). */
  public SlashCommandResponse asCommandResponse(CommandReply reply) {
    return SlashCommandResponse.builder()
        .responseType(reply.inChannel() ? "in_channel" : "ephemeral")
        .text(reply.text())
        .blocks(blocks(reply.blocks()))
        .build();
  }

  /** Posts the reply to a slash command's response_url; true when Slack took it. */
  public boolean toCommand(String responseUrl, CommandReply reply) {
    if (missing(responseUrl)) {
      return false;
    }
    try {
      return ok(new Responder(slack, responseUrl).send(asCommandResponse(reply)));
    } catch (IOException e) {
      log.warn(
          "Could not answer a command through its response_url ({})", e.getClass().getSimpleName());
      return false;
    }
  }

  /** Posts the reply to a button's response_url as a new message (the clicked one stays). */
  public boolean toAction(String responseUrl, CommandReply reply) {
    ActionResponse response =
        ActionResponse.builder()
            .responseType(reply.inChannel() ? "in_channel" : "ephemeral")
            .replaceOriginal(false)
            .text(reply.text())
            .blocks(blocks(reply.blocks()))
            .build();
    if (missing(responseUrl)) {
      return false;
    }
    try {
      return ok(new Responder(slack, responseUrl).send(response));
    } catch (IOException e) {
      log.warn(
          "Could not answer a button through its response_url ({})", e.getClass().getSimpleName());
      return false;
    }
  }

  /**
   * A signed request without a response_url (Slack always sends one) has nowhere to be answered.
   */
  private static boolean missing(String responseUrl) {
    if (responseUrl == null || responseUrl.isBlank()) {
      log.warn("A request came without a response_url; its answer is dropped");
      return true;
    }
    return false;
  }

  private List<LayoutBlock> blocks(ArrayNode blocks) {
    return blocks == null ? null : gson.fromJson(blocks.toString(), BLOCKS);
  }

  private static boolean ok(WebhookResponse response) {
    if (response.getCode() == null || response.getCode() != 200) {
      log.warn("response_url answered HTTP {}", response.getCode());
      return false;
    }
    return true;
  }
}
