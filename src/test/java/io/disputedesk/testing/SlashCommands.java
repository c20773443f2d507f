package io.disputedesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.slack.ResponseUrlPost;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /disputes} typed by a person in Slack, sent to a {@link DeskDriver}'s bot, and the answers
 * the bot posts to the response URLs. One per driver, so that no response URL is handed out twice.
 */
public final class SlashCommands {
  private final DeskDriver desk;
  private final AtomicInteger hooks = new AtomicInteger();

  public SlashCommands(DeskDriver desk) {
    this.desk = desk;
  }

  /** A slash command's exchange: the ack, and the response URL the answer goes to. */
  public record Exchange(SignedPost.Reply ack, String hookPath) {}

  public Exchange command(String text) {
    return command(text, People.ALICE, "alice");
  }

  public Exchange command(String text, String userId, String userName) {
    return command(text, userId, userName, DeskDriver.CHANNEL);
  }

  /** The command typed in {@code channelId} (a channel, or a DM {@code D…}). */
  public Exchange command(String text, String userId, String userName, String channelId) {
    String path = "commands/T0A1B2C3D/" + hooks.incrementAndGet() + "/cmd";
    SignedPost.Reply ack =
        desk.send(
            SlackRequests.slashCommand("/disputes")
                .text(text)
                .user(userId, userName)
                .channel(channelId, channelName(channelId))
                .responseUrl(desk.slack.hooksUrl(path))
                .body());
    return new Exchange(ack, path);
  }

  private static String channelName(String channelId) {
    return channelId.equals(SlackRequests.CHANNEL_ID)
        ? SlackRequests.CHANNEL_NAME
        : channelId.startsWith("D") ? "directmessage" : "elsewhere";
  }

  /** A fresh response URL for a button click. */
  public String newHook() {
    return desk.slack.hooksUrl("actions/T0A1B2C3D/" + hooks.incrementAndGet() + "/act");
  }

  /** The JSON posted to the exchange's response URL, waiting for it. */
  public JsonNode answer(Exchange exchange) {
    return answerAt(exchange.hookPath());
  }

  public JsonNode answerAt(String hookPathOrUrl) {
    int hooksAt = hookPathOrUrl.indexOf("/hooks/");
    String path =
        hooksAt < 0 ? hookPathOrUrl : hookPathOrUrl.substring(hooksAt + "/hooks/".length());
    Await.until("a response at " + path, () -> postAt(path).isPresent());
    return postAt(path).orElseThrow().json();
  }

  public Optional<ResponseUrlPost> postAt(String path) {
    return desk.slack.responseUrlPosts().stream().filter(p -> p.path().equals(path)).findFirst();
  }
}
