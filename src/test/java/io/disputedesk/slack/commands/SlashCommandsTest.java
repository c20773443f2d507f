package io.disputedesk.slack.commands;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlashCommands;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /disputes} help, malformed input, lists, show and share: signed requests over HTTP. */
class SlashCommandsTest extends CommandsTestBase {
  @Test
  void emptyCommandAnswersWithTheHelpInTheAck() {
    SignedPost.Reply ack = slash.command("").ack();

    assertThat(ack.status()).isEqualTo(200);
    JsonNode body = json(ack.body());
    assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(blocksText(body))
        .contains(
            "Dispute Desk commands", "/disputes list", "/disputes assign <dispute id> @person");
  }

  @Test
  void helpsPlainTextNamesEverySubcommandItsBlocksList() {
    JsonNode body = json(slash.command("help").ack().body());

    // The text is what notifications and screen readers show: the same commands as the blocks.
    assertThat(body.path("text").asText())
        .isEqualTo(
            "Dispute Desk commands: list, show, search, mine, due, unassigned, assign, unassign,"
                + " stats, report, export, sync, digest, subscribe, unsubscribe, subscriptions, rules,"
                + " away, help.");
  }

  @Test
  void unknownSubcommandGetsTheHelpNamingWhatWasNotUnderstood() {
    JsonNode body = json(slash.command("frobnicate 7").ack().body());

    assertThat(body.path("text").asText()).startsWith("I don't know the subcommand “frobnicate”.");
    assertThat(blocksText(body))
        .contains("I don't know the subcommand “frobnicate”.", "/disputes stats [7d|30d|90d]");
  }

  @Test
  void malformedInputGetsOneLineAndTheUsageInTheAck() {
    assertThat(ackText("show PP!1001"))
        .isEqualTo(
            ":warning: “PP!1001” is not a dispute id; they look like PP-D-4012.\nUsage: `/disputes show <dispute id>`");
    assertThat(ackText("list open 12abc"))
        .isEqualTo(
            ":warning: “12abc” is not an amount; write it like 100 or 49.99 USD."
                + "\nUsage: `/disputes list [open|due|mine|unassigned|waiting-buyer|resolved] [reason] [min amount]`");
    assertThat(ackText("assign PP-D-1001 <#C0A1B2C3F|disputes>"))
        .isEqualTo(
            ":warning: “#disputes” is a channel, not a person; mention one person, like @alice."
                + "\nUsage: `/disputes assign <dispute id> @person`");
    assertThat(ackText("assign PP-D-1001 @bobby"))
        .startsWith(":warning: “@bobby” is not a Slack user I know");
    assertThat(ackText("due soon")).startsWith(":warning: “soon” is not a number of hours");
    assertThat(desk.slack.responseUrlPosts()).isEmpty();
  }

  @Test
  void listIsAckedEmptyThenAnsweredWithCompactLinesLinkingToCards() {
    SlashCommands.Exchange ex = slash.command("list");

    assertThat(ex.ack().status()).isEqualTo(200);
    assertThat(ex.ack().body()).isEmpty();
    JsonNode answer = slash.answer(ex);
    assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.path("text").asText()).isEqualTo("Open disputes: 3 disputes");
    List<String> lines = sectionTexts(answer);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .isEqualTo(
            "*120.00 USD* · Item not received · Claim · Waiting for our response · :large_orange_circle: 20 h left"
                + " · <@"
                + ALICE
                + ">"
                + " · <https://acme-payments.slack.com/archives/C0A1B2C3F/p1763632800000100|PP-D-1001>");
    assertThat(lines.get(1))
        .isEqualTo(
            "*35.50 EUR* · Not as described · Claim · Waiting for our response · :large_yellow_circle: 2 days 12 h left"
                + " · Unassigned"
                + " · `PP-D-1002`");
    assertThat(lines.get(2)).startsWith("*9.99 USD* · Unauthorised payment");
  }

  @Test
  void listFiltersByReasonAndMinimumAmount() {
    assertThat(sectionTexts(slash.answer(slash.command("list snad"))))
        .singleElement()
        .asString()
        .contains("PP-D-1002");
    assertThat(sectionTexts(slash.answer(slash.command("list 30")))).hasSize(2);
    assertThat(sectionTexts(slash.answer(slash.command("list 30 EUR"))))
        .singleElement()
        .asString()
        .contains("PP-D-1002");
    assertThat(sectionTexts(slash.answer(slash.command("list resolved"))))
        .singleElement()
        .asString()
        .contains("PP-D-0900", "Resolved · Won: resolved in our favour");
  }

  @Test
  void mineDueAndUnassignedShowTheirDisputes() {
    assertThat(sectionTexts(slash.answer(slash.command("mine"))))
        .singleElement()
        .asString()
        .contains("PP-D-1001");
    assertThat(sectionTexts(slash.answer(slash.command("mine", BOB, "bob"))))
        .singleElement()
        .asString()
        .isEqualTo("No disputes match.");
    assertThat(sectionTexts(slash.answer(slash.command("due")))).hasSize(2);
    assertThat(sectionTexts(slash.answer(slash.command("due 24"))))
        .singleElement()
        .asString()
        .contains("PP-D-1001");
    assertThat(
            slash
                .answer(slash.command("due 24"))
                .path("blocks")
                .get(0)
                .path("text")
                .path("text")
                .asText())
        .isEqualTo("Due within 24 h");
    assertThat(sectionTexts(slash.answer(slash.command("unassigned")))).hasSize(2);
  }

  @Test
  void longListIsPagedWithAMoreButtonCarryingTheFilter() {
    for (int i = 0; i < 45; i++) {
      desk.seeds
          .dispute(String.format("PP-D-5%03d", i))
          .amount("500.00", "USD")
          .sellerDue(NOW.plus(HOUR.multipliedBy(100 + i)))
          .store();
    }
    JsonNode first = slash.answer(slash.command("list unassigned 400"));
    assertThat(first.path("blocks").size()).isLessThanOrEqualTo(50);
    assertThat(sectionTexts(first)).hasSize(ListBuilder.PAGE_SIZE);
    JsonNode button =
        first.path("blocks").get(first.path("blocks").size() - 1).path("elements").get(0);
    assertThat(button.path("action_id").asText()).isEqualTo("dd_list_more");
    assertThat(button.path("text").path("text").asText()).isEqualTo("Show 5 more (5 left)");

    String hook = slash.newHook();
    SignedPost.Reply ack =
        desk.send(
            io.disputedesk.testing.SlackRequests.blockAction("dd_list_more")
                .value(button.path("value").asText())
                .inMessage(DeskDriver.CHANNEL, "1763632900.000200", hook)
                .body());

    assertThat(ack.status()).isEqualTo(200);
    JsonNode second = slash.answerAt(hook);
    List<String> lines = sectionTexts(second);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).contains("PP-D-5040");
    assertThat(lines.get(4)).contains("PP-D-5044");
    assertThat(second.toString()).doesNotContain("dd_list_more");
  }

  @Test
  void showGivesTheDisputeOrSaysItIsUnknown() {
    JsonNode shown = slash.answer(slash.command("show PP-D-1001"));
    assertThat(shown.path("response_type").asText()).isEqualTo("ephemeral");
    JsonNode blocks = shown.path("blocks");
    assertThat(blocks.get(0).path("elements").get(0).path("text").asText())
        .isEqualTo(
            "The card in the channel: "
                + "<https://acme-payments.slack.com/archives/C0A1B2C3F/p1763632800000100|PP-D-1001>; its thread has the history.");
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).path("text").path("text").asText()).startsWith("120.00 USD");
    assertThat(shown.toString()).contains("<@" + ALICE + ">", "20 h left", "PP-D-1001");

    assertThat(
            slash
                .answer(slash.command("show PP-D-1002"))
                .path("blocks")
                .get(0)
                .path("elements")
                .get(0)
                .path("text")
                .asText())
        .isEqualTo(
            "`PP-D-1002` has no card in a channel yet: the first import posts cards only for"
                + " disputes that need a response, and its card comes with the next change PayPal"
                + " reports.");

    assertThat(slash.answer(slash.command("show PP-D-7777")).path("text").asText())
        .startsWith("No dispute “PP-D-7777” is known to Dispute Desk.");
  }

  @Test
  void trailingShareAnswersInTheChannel() {
    assertThat(slash.answer(slash.command("stats 30d share")).path("response_type").asText())
        .isEqualTo("in_channel");
    assertThat(slash.answer(slash.command("list due public")).path("response_type").asText())
        .isEqualTo("in_channel");
  }
}
