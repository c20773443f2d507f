package io.disputedesk.slack.commands;

import static io.disputedesk.testing.People.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.slack.Ephemeral;
import io.disputedesk.slack.Ids;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.ForeignHost;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlashCommands;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed request whose response_url is not Slack's (another loopback port): nothing is posted
 * there, and the person gets the answer as an ephemeral message through the Web API.
 */
class ForeignResponseUrlTest extends CommandsTestBase {
  private ForeignHost foreign;

  @BeforeEach
  void startForeignHost() {
    foreign = ForeignHost.start();
  }

  @AfterEach
  void stopForeignHost() {
    foreign.close();
  }

  @Test
  void aCommandIsAnsweredAsAnEphemeralAndTheForeignUrlGetsNothing() {
    SignedPost.Reply ack =
        desk.send(
            SlackRequests.slashCommand("/disputes")
                .text("list")
                .user(ALICE, "alice")
                .channel(DeskDriver.CHANNEL, "disputes")
                .responseUrl(foreign.url("/commands/T0A1B2C3D/1/SeCrEt"))
                .body());

    assertThat(ack.status()).isEqualTo(200);
    Ephemeral answer = awaitEphemeral("Open disputes: 3 disputes");
    assertThat(answer.channel()).isEqualTo(DeskDriver.CHANNEL);
    assertThat(answer.blocks().toString()).contains("PP-D-1001", "PP-D-1002", "PP-D-1003");
    assertThat(foreign.requests()).isZero();
    assertThat(desk.slack.responseUrlPosts()).isEmpty();
  }

  @Test
  void aListButtonIsAnsweredAsAnEphemeralAndTheForeignUrlGetsNothing() {
    SignedPost.Reply ack =
        desk.send(
            SlackRequests.blockAction(Ids.LIST_MORE)
                .value("not-a-page")
                .user(ALICE, "alice")
                .inMessage(
                    DeskDriver.CHANNEL,
                    "1763632900.000200",
                    foreign.url("/actions/T0A1B2C3D/2/SeCrEt"))
                .body());

    assertThat(ack.status()).isEqualTo(200);
    Ephemeral answer = awaitEphemeral("That button is out of date");
    assertThat(answer.channel()).isEqualTo(DeskDriver.CHANNEL);
    assertThat(foreign.requests()).isZero();
  }

  @Test
  void theLocalSlacksResponseUrlIsStillUsed() {
    SlashCommands.Exchange ex = slash.command("list");

    assertThat(slash.answer(ex).path("text").asText()).isEqualTo("Open disputes: 3 disputes");
    assertThat(desk.slack.ephemerals(ALICE)).isEmpty();
  }

  private Ephemeral awaitEphemeral(String text) {
    Await.until(
        "an ephemeral answer for Alice",
        () -> desk.slack.ephemerals(ALICE).stream().anyMatch(e -> e.text().contains(text)));
    List<Ephemeral> found =
        desk.slack.ephemerals(ALICE).stream().filter(e -> e.text().contains(text)).toList();
    return found.get(0);
  }
}
