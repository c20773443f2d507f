package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.ResponseUrlPost;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the local Slack shows in several channels, and signed slash commands typed in any of them.
 */
final class Channels {
  private final LocalSlack slack;
  private final AtomicInteger hooks = new AtomicInteger();

  Channels(LocalSlack slack) {
    this.slack = slack;
  }

  /** The dispute's cards (top-level messages keyed {@code card:}) in one channel. */
  List<SlackMessage> cards(String channel, String disputeId) {
    return slack.messages(channel).stream()
        .filter(m -> BotDesk.key(m).startsWith("card:") && disputeId.equals(BotDesk.disputeOf(m)))
        .toList();
  }

  SlackMessage card(String channel, String disputeId) {
    List<SlackMessage> cards = cards(channel, disputeId);
    assertThat(cards).as("cards of " + disputeId + " in " + channel).hasSize(1);
    return slack.message(channel, cards.get(0).ts()).orElseThrow();
  }

  /**
   * True once the dispute's one card in the channel shows the order facts the bot fetches in the
   * background.
   */
  boolean showsOrder(String channel, String disputeId) {
    List<SlackMessage> cards = cards(channel, disputeId);
    if (cards.size() != 1) {
      return false;
    }
    String blocks =
        slack.message(channel, cards.get(0).ts()).map(m -> String.valueOf(m.blocks())).orElse("");
    return blocks.contains("*Order*") && !blocks.contains("Fetching the order");
  }

  List<SlackMessage> replies(String channel, String disputeId) {
    return slack.replies(channel, card(channel, disputeId).ts());
  }

  /**
   * Top-level messages in the channel whose key starts with {@code prefix} ({@code message:},
   * {@code card:}).
   */
  List<SlackMessage> messages(String channel, String prefix) {
    return slack.messages(channel).stream().filter(m -> BotDesk.key(m).startsWith(prefix)).toList();
  }

  long updatesOf(String channel, String disputeId) {
    String ts = card(channel, disputeId).ts();
    return slack.calls("chat.update").stream()
        .filter(c -> ts.equals(c.param("ts")) && channel.equals(c.param("channel")))
        .count();
  }

  /**
   * Types {@code /disputes <text>} in {@code channel} as {@code user}; the answer posted to its
   * response URL.
   */
  JsonNode command(RunningApp app, String signingSecret, String text, String user, String channel) {
    SignedPost post =
        new SignedPost(
            URI.create("http://127.0.0.1:" + app.port() + "/slack/events"),
            new SlackSigner(signingSecret));
    String path = "commands/T0A1B2C3D/" + hooks.incrementAndGet() + "/routing";
    SignedPost.Reply ack =
        post.send(
            SlackRequests.slashCommand("/disputes")
                .text(text)
                .user(user, "someone")
                .channel(channel, "somewhere")
                .responseUrl(slack.hooksUrl(path))
                .body());
    assertThat(ack.status()).isEqualTo(200);
    Await.until("the answer to " + text, () -> answerAt(path).isPresent());
    return answerAt(path).orElseThrow().json();
  }

  private Optional<ResponseUrlPost> answerAt(String path) {
    return slack.responseUrlPosts().stream().filter(p -> p.path().equals(path)).findFirst();
  }
}
