package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.ResponseUrlPost;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The slash command and App Home of the started app, on disputes imported from the PayPal
 * simulator.
 */
class QueueEndToEndTest {
  private static final String OUTSIDER = "U0OUTSIDE";

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;
  private SignedPost post;
  private String soon;
  private String later;

  @BeforeEach
  void start() {
    desk = bot.desk();
    soon =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .stage(SimStage.INQUIRY)
                .amount("23.00", "USD")
                .createTime(Instant.now().minus(Duration.ofHours(2)))
                .sellerDueDate(Instant.now().plus(Duration.ofHours(30)))
                .build());
    later =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .stage(SimStage.INQUIRY)
                .amount("410.00", "EUR")
                .createTime(Instant.now().minus(Duration.ofHours(3)))
                .sellerDueDate(Instant.now().plus(Duration.ofDays(9)))
                .build());
    // The person typing the commands may see disputes; nobody may act (no AGENTS or APPROVERS).
    RunningApp app = desk.with("VIEWERS", SlackRequests.USER_ID).start();
    desk.pollAndSettle();
    post =
        new SignedPost(
            URI.create("http://127.0.0.1:" + app.port() + "/slack/events"),
            new SlackSigner("test-signing-secret"));
  }

  @Test
  void listLinksEachDisputeToItsCardInTheChannel() {
    JsonNode answer = command("list", "1");

    SlackMessage card = desk.card(soon).orElseThrow();
    String permalink =
        "https://acme-payments.slack.com/archives/"
            + BotDesk.CHANNEL
            + "/p"
            + card.ts().replace(".", "");
    assertThat(answer.path("text").asText()).isEqualTo("Open disputes: 2 disputes");
    assertThat(answer.toString())
        .contains(
            "*23.00 USD* · Item not received",
            "<" + permalink + "|" + soon + ">",
            "*410.00 EUR*",
            later);
    assertThat(answer.toString().indexOf(soon)).isLessThan(answer.toString().indexOf(later));
  }

  @Test
  void showStatsAndDigestPreviewAnswer() {
    assertThat(command("show " + later, "2").toString())
        .contains("410.00 EUR", "The card in the channel");
    assertThat(command("stats 7d", "3").toString())
        .contains("Dispute stats: last 7 days", "*Opened*\\n2");
    assertThat(command("digest", "4").toString())
        .contains("Dispute digest", "Preview only: nothing was posted.");
  }

  @Test
  void assignNeedsTheAgentListTheAdminHasNotSet() {
    assertThat(command("assign " + soon + " <@U0A1B2C3M|bob>", "5").path("text").asText())
        .startsWith(
            ":no_entry: You can't assign disputes. No one has this permission yet: an admin must set AGENTS");
  }

  @Test
  void homeTabShowsTheQueueWhenOpened() {
    assertThat(post.send(SlackRequests.appHomeOpened(SlackRequests.USER_ID, "Ev0E2E")).status())
        .isEqualTo(200);

    Await.until("the Home tab", () -> desk.slack.homeView(SlackRequests.USER_ID).isPresent());
    String home = desk.slack.homeView(SlackRequests.USER_ID).orElseThrow().blocks().toString();
    assertThat(home)
        .contains(
            "*Due within 72 h* (1)",
            soon,
            "*Unassigned* (1)",
            later,
            ":large_green_circle: Last successful PayPal check");
  }

  @Test
  void outsiderSeesNoDisputesAndShareStaysInTheDisputesChannel() {
    JsonNode refused = command("list", "6", OUTSIDER, BotDesk.CHANNEL);
    assertThat(refused.path("text").asText())
        .startsWith(":lock: Dispute Desk shows disputes only to its viewers")
        .contains("VIEWERS");
    assertThat(refused.toString()).doesNotContain(soon, later);
    assertThat(post.send(SlackRequests.appHomeOpened(OUTSIDER, "Ev0OUT")).status()).isEqualTo(200);
    Await.until("the outsider's Home tab", () -> desk.slack.homeView(OUTSIDER).isPresent());
    assertThat(desk.slack.homeView(OUTSIDER).orElseThrow().blocks().toString())
        .contains(":lock:")
        .doesNotContain(soon, later);

    JsonNode notHere = command("show " + soon + " share", "7", SlackRequests.USER_ID, "D0A1B2C3E");
    assertThat(notHere.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(notHere.path("text").asText())
        .startsWith(":no_entry: `share` posts only in <#" + BotDesk.CHANNEL + ">");
    assertThat(
            command("show " + soon + " share", "8", SlackRequests.USER_ID, BotDesk.CHANNEL)
                .path("response_type")
                .asText())
        .isEqualTo("in_channel");

    assertThat(new AuditLog(desk.app().database()).recent(10))
        .extracting(e -> e.userId() + " " + e.action())
        .containsExactlyInAnyOrder(
            OUTSIDER + " LIST", OUTSIDER + " HOME", SlackRequests.USER_ID + " SHARE");
  }

  private JsonNode command(String text, String hook) {
    return command(text, hook, SlackRequests.USER_ID, SlackRequests.CHANNEL_ID);
  }

  private JsonNode command(String text, String hook, String user, String channel) {
    String path = "commands/T0A1B2C3D/" + hook + "/e2e";
    SignedPost.Reply ack =
        post.send(
            SlackRequests.slashCommand("/disputes")
                .text(text)
                .user(user, "someone")
                .channel(channel, "somewhere")
                .responseUrl(desk.slack.hooksUrl(path))
                .body());
    assertThat(ack.status()).isEqualTo(200);
    Await.until("the answer to " + text, () -> answerAt(path).isPresent());
    return answerAt(path).orElseThrow().json();
  }

  private Optional<ResponseUrlPost> answerAt(String path) {
    return desk.slack.responseUrlPosts().stream().filter(p -> p.path().equals(path)).findFirst();
  }
}
