package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import io.disputedesk.slack.ResponseUrls;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link CommandReply}s to a {@code response_url} and turns them into ack bodies. A
 * response_url outside Slack's hosts ({@link ResponseUrls}) is never posted to: the person gets the
 * answer as an ephemeral message in the channel instead.
 */
public final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);
  private static final Type BLOCKS = new TypeToken<List<LayoutBlock>>() {}.getType();

  private final Slack slack;
  private final MethodsClient methods;
  private final ResponseUrls urls;
  private final Gson gson = GsonFactory.createSnakeCase();

  /**
   * {@code methods} is the bot-token client; response URLs may also point at {@code slack}'s own
   * Web API origin when it is not Slack's (a local Slack).
   */
  public Replies(Slack slack, MethodsClient methods) {
    this.slack = slack;
    this.methods = methods;
    this.urls = ResponseUrls.forApi(slack.getConfig().getMethodsEndpointUrlPrefix());
  }

  /** The reply as a slash-command response (for the ack body or the response_url). */
  public SlashCommandResponse asCommandResponse(CommandReply reply) {
    return SlashCommandResponse.builder()
        .responseType(reply.inChannel() ? "in_channel" : "ephemeral")
        .text(reply.text())
        .blocks(blocks(reply.blocks()))
        .build();
  }

  /**
   * Posts the reply to a slash command's response_url (typed by {@code userId} in {@code channel});
   * true when Slack took it.
   */
  public boolean toCommand(String responseUrl, String channel, String userId, CommandReply reply) {
    if (missing(responseUrl)) {
      return false;
    }
    if (!urls.allows(responseUrl)) {
      return refused(responseUrl, channel, userId, reply);
    }
    try {
      return ok(new Responder(slack, responseUrl).send(asCommandResponse(reply)));
    } catch (IOException e) {
      log.warn(
          "Could not answer a command through its response_url ({})", e.getClass().getSimpleName());
      return false;
    }
  }

  /**
   * Posts the reply to a button's response_url as a new message (the clicked one stays); {@code
   * userId} clicked in {@code channel}.
   */
  public boolean toAction(String responseUrl, String channel, String userId, CommandReply reply) {
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
    if (!urls.allows(responseUrl)) {
      return refused(responseUrl, channel, userId, reply);
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
   * The answer to a request whose response_url is not Slack's: an ephemeral message only the person
   * sees (a shared answer too: a forged payload does not get to post in the channel).
   */
  private boolean refused(String responseUrl, String channel, String userId, CommandReply reply) {
    log.warn(
        "A response_url outside Slack's hosts ({}) was not used; answering {} with an ephemeral"
            + " message instead",
        ResponseUrls.redacted(responseUrl),
        userId);
    if (channel == null || userId == null) {
      return false;
    }
    try {
      ChatPostEphemeralResponse r =
          methods.chatPostEphemeral(
              q ->
                  q.channel(channel)
                      .user(userId)
                      .text(reply.text())
                      .blocks(blocks(reply.blocks())));
      if (!r.isOk()) {
        log.warn(
            "Slack refused the ephemeral answer to {} in {}: {}", userId, channel, r.getError());
      }
      return r.isOk();
    } catch (IOException | SlackApiException e) {
      log.warn(
          "Could not send the ephemeral answer to {} in {} ({})",
          userId,
          channel,
          e.getClass().getSimpleName());
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
