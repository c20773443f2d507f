package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimOutcome;
import io.disputedesk.sim.slack.ResponseUrlPost;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A first run imports history from PayPal's list without reading each dispute's details; the list's
 * outcome (WON/LOST) is kept, so resolved disputes say how they ended.
 */
class ResolvedImportEndToEndTest {
  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;

  @Test
  void resolvedDisputesImportedFromTheListShowWhetherWeWonOrLost() {
    // The person asking may read disputes: lists and stats need a role.
    desk = bot.desk().with("VIEWERS", SlackRequests.USER_ID);
    Instant now = Instant.now();
    String won =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .amount("59.00", "USD")
                .createTime(now.minus(Duration.ofDays(30)))
                .resolved(SimOutcome.RESOLVED_SELLER_FAVOUR, null, false)
                .updateTime(now.minus(Duration.ofDays(2)))
                .build());
    String lost =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .amount("96.00", "USD")
                .createTime(now.minus(Duration.ofDays(20)))
                .resolved(SimOutcome.RESOLVED_BUYER_FAVOUR, "96.00", false)
                .updateTime(now.minus(Duration.ofDays(1)))
                .build());
    RunningApp app = desk.start();
    desk.pollAndSettle();
    SignedPost post =
        new SignedPost(
            URI.create("http://127.0.0.1:" + app.port() + "/slack/events"),
            new SlackSigner("test-signing-secret"));

    String answer = command(post, "list resolved", "1").toString();

    assertThat(answer)
        .contains(won, lost, "Resolved · Won ·", "Resolved · Lost ·")
        .doesNotContain("Outcome unknown");
    assertThat(command(post, "stats 90d", "2").toString()).contains("(won 1 · lost 1)");
  }

  private JsonNode command(SignedPost post, String text, String hook) {
    String path = "commands/T0A1B2C3D/" + hook + "/e2e";
    assertThat(
            post.send(
                    SlackRequests.slashCommand("/disputes")
                        .text(text)
                        .responseUrl(desk.slack.hooksUrl(path))
                        .body())
                .status())
        .isEqualTo(200);
    Await.until("the answer to " + text, () -> answerAt(path).isPresent());
    return answerAt(path).orElseThrow().json();
  }

  private Optional<ResponseUrlPost> answerAt(String path) {
    return desk.slack.responseUrlPosts().stream().filter(p -> p.path().equals(path)).findFirst();
  }
}
