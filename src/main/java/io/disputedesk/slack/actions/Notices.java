package io.disputedesk.slack.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.view.View;
import io.disputedesk.slack.ResponseUrls;
import io.disputedesk.slack.SlackPost;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private notes to the person who clicked, updates of their open modal, and replacement of a
 * decided request.
 */
final class Notices {
  private static final Logger log = LoggerFactory.getLogger(Notices.class);

  private final MethodsClient client;
  private final Slack slack;
  private final ObjectMapper mapper;
  private final ResponseUrls urls;

  Notices(MethodsClient client, Slack slack, ObjectMapper mapper) {
    this.client = client;
    this.slack = slack;
    this.mapper = mapper;
    this.urls = ResponseUrls.forApi(slack.getConfig().getMethodsEndpointUrlPrefix());
  }

  /**
   * An ephemeral message only {@code userId} sees in {@code channel}; failures are logged, not
   * thrown.
   */
  void tell(String channel, String userId, String text) {
    try {
      ChatPostEphemeralResponse response =
          client.chatPostEphemeral(r -> r.channel(channel).user(userId).text(text));
      if (!response.isOk()) {
        log.warn(
            "Slack refused an ephemeral note to {} in {}: {}",
            userId,
            channel,
            response.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("Could not send an ephemeral note to {} in {}: {}", userId, channel, e.getMessage());
    }
  }

  /**
   * Replaces an open modal ({@code views.update}, guarded by {@code hash} when given). Returns null
   * when Slack took it, else Slack's error: {@code not_found} when the person closed the modal,
   * {@code hash_conflict} when it changed meanwhile.
   */
  String updateView(String viewId, String hash, View view) {
    try {
      ViewsUpdateResponse response =
          client.viewsUpdate(r -> r.viewId(viewId).hash(hash).view(view));
      return response.isOk() ? null : response.getError();
    } catch (IOException | SlackApiException e) {
      log.warn("Could not update view {}: {}", viewId, e.getMessage());
      return "request_failed";
    }
  }

  /**
   * Replaces the message a button sat on, through the click's {@code response_url}; one outside
   * Slack's hosts is not used, and the bot's message is updated with {@code chat.update} instead.
   */
  void replaceOriginal(Click click, SlackPost post) {
    String responseUrl = click.responseUrl();
    if (responseUrl == null || responseUrl.isBlank()) {
      return;
    }
    if (!urls.allows(responseUrl)) {
      log.warn(
          "A response_url outside Slack's hosts ({}) was not used; updating the message in {}"
              + " instead",
          ResponseUrls.redacted(responseUrl),
          click.channel());
      update(click.channel(), click.messageTs(), post);
      return;
    }
    ObjectNode body =
        mapper.createObjectNode().put("replace_original", true).put("text", post.text());
    try {
      if (post.blocksJson() != null) {
        body.set("blocks", mapper.readTree(post.blocksJson()));
      } else {
        body.putArray("blocks");
      }
      int status = slack.send(responseUrl, body.toString()).getCode();
      if (status != 200) {
        log.warn("Slack answered {} to a response_url update", status);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("blocks of a Slack post are not JSON", e);
    } catch (IOException e) {
      log.warn("Could not update the original message: {}", e.getMessage());
    }
  }

  private void update(String channel, String ts, SlackPost post) {
    if (channel == null || ts == null) {
      return;
    }
    try {
      ChatUpdateResponse response =
          client.chatUpdate(
              r ->
                  r.channel(channel)
                      .ts(ts)
                      .text(post.text())
                      .blocksAsString(post.blocksJson() == null ? "[]" : post.blocksJson()));
      if (!response.isOk()) {
        log.warn("Slack refused to update the message in {}: {}", channel, response.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("Could not update the message in {}: {}", channel, e.getClass().getSimpleName());
    }
  }
}
