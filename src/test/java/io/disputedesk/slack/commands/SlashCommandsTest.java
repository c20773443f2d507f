package io.disputedesk.slack.commands;

import static io.disputedesk.testing.DeskFixture.ALICE;
import static io.disputedesk.testing.DeskFixture.BOB;
import static io.disputedesk.testing.DeskFixture.CAROL;
import static io.disputedesk.testing.DeskFixture.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.testing.DeskFixture;
import io.disputedesk.testing.SignedPost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /disputes} subcommands as signed requests over HTTP, answered in the ack or through the response URL. */
class SlashCommandsTest {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dir;
  DeskFixture desk;

  @BeforeEach
  void start() {
    desk = new DeskFixture(dir, NOW);
    desk.seeds.dispute("PP-D-1001").amount("120.00", "USD").sellerDue(NOW.plus(HOUR.multipliedBy(20))).store();
    desk.seeds.dispute("PP-D-1002").reason("MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED").amount("35.50", "EUR")
        .sellerDue(NOW.plus(HOUR.multipliedBy(60))).store();
    desk.seeds.dispute("PP-D-1003").reason("UNAUTHORISED").amount("9.99", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(200))).store();
    desk.seeds.dispute("PP-D-0900").amount("80.00", "USD").sellerDue(NOW.minus(Duration.ofDays(9)))
        .created(NOW.minus(Duration.ofDays(12))).resolved("RESOLVED_SELLER_FAVOUR", null, NOW.minus(Duration.ofDays(2))).store();
    desk.assignments.assign("PP-D-1001", ALICE, BOB);
    desk.cards.save("PP-D-1001", DeskFixture.CHANNEL, "1763632800.000100", NOW);
  }

  @AfterEach
  void stop() {
    desk.close();
  }

  @Test
  void emptyCommandAnswersWithTheHelpInTheAck() {
    SignedPost.Reply ack = desk.command("").ack();

    assertThat(ack.status()).isEqualTo(200);
    JsonNode body = json(ack.body());
    assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(blocksText(body)).contains("Dispute Desk commands", "/disputes list", "/disputes assign <dispute id> @person");
  }

  @Test
  void unknownSubcommandGetsTheHelpNamingWhatWasNotUnderstood() {
    JsonNode body = json(desk.command("frobnicate 7").ack().body());

    assertThat(body.path("text").asText()).startsWith("I don't know the subcommand “frobnicate”.");
    assertThat(blocksText(body)).contains("I don't know the subcommand “frobnicate”.", "/disputes stats [7d|30d|90d]");
  }

  @Test
  void malformedInputGetsOneLineAndTheUsageInTheAck() {
    assertThat(ackText("show PP!1001")).isEqualTo(
        ":warning: “PP!1001” is not a dispute id; they look like PP-D-4012.\nUsage: `/disputes show <dispute id>`");
    assertThat(ackText("list open 12abc")).isEqualTo(":warning: “12abc” is not an amount; write it like 100 or 49.99 USD."
        + "\nUsage: `/disputes list [open|due|mine|unassigned|waiting-buyer|resolved] [reason] [min amount]`");
    assertThat(ackText("assign PP-D-1001 <#C0A1B2C3F|disputes>")).isEqualTo(
        ":warning: “#disputes” is a channel, not a person; mention one person, like @alice."
            + "\nUsage: `/disputes assign <dispute id> @person`");
    assertThat(ackText("assign PP-D-1001 @bobby")).startsWith(":warning: “@bobby” is not a Slack user I know");
    assertThat(ackText("due soon")).startsWith(":warning: “soon” is not a number of hours");
    assertThat(desk.slack.responseUrlPosts()).isEmpty();
  }

  @Test
  void listIsAckedEmptyThenAnsweredWithCompactLinesLinkingToCards() {
    DeskFixture.Exchange ex = desk.command("list");

    assertThat(ex.ack().status()).isEqualTo(200);
    assertThat(ex.ack().body()).isEmpty();
    JsonNode answer = desk.answer(ex);
    assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.path("text").asText()).isEqualTo("Open disputes: 3 disputes");
    List<String> lines = sectionTexts(answer);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("*120.00 USD* · Not received · Waiting for us · due in 20h · <@" + ALICE + ">"
        + " · <https://acme-payments.slack.com/archives/C0A1B2C3F/p1763632800000100|PP-D-1001>");
    assertThat(lines.get(1)).isEqualTo("*35.50 EUR* · Not as described · Waiting for us · due in 2d 12h · _unassigned_"
        + " · `PP-D-1002`");
    assertThat(lines.get(2)).startsWith("*9.99 USD* · Unauthorised");
  }

  @Test
  void listFiltersByReasonAndMinimumAmount() {
    assertThat(sectionTexts(desk.answer(desk.command("list snad")))).singleElement().asString().contains("PP-D-1002");
    assertThat(sectionTexts(desk.answer(desk.command("list 30")))).hasSize(2);
    assertThat(sectionTexts(desk.answer(desk.command("list 30 EUR")))).singleElement().asString().contains("PP-D-1002");
    assertThat(sectionTexts(desk.answer(desk.command("list resolved")))).singleElement().asString()
        .contains("PP-D-0900", "won (our favour)");
  }

  @Test
  void mineDueAndUnassignedShowTheirDisputes() {
    assertThat(sectionTexts(desk.answer(desk.command("mine")))).singleElement().asString().contains("PP-D-1001");
    assertThat(sectionTexts(desk.answer(desk.command("mine", BOB, "bob")))).singleElement().asString()
        .isEqualTo("No disputes match.");
    assertThat(sectionTexts(desk.answer(desk.command("due")))).hasSize(2);
    assertThat(sectionTexts(desk.answer(desk.command("due 24")))).singleElement().asString().contains("PP-D-1001");
    assertThat(desk.answer(desk.command("due 24")).path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("Due within 24 h");
    assertThat(sectionTexts(desk.answer(desk.command("unassigned")))).hasSize(2);
  }

  @Test
  void longListIsPagedWithAMoreButtonCarryingTheFilter() {
    for (int i = 0; i < 45; i++) {
      desk.seeds.dispute(String.format("PP-D-5%03d", i)).amount("500.00", "USD")
          .sellerDue(NOW.plus(HOUR.multipliedBy(100 + i))).store();
    }
    JsonNode first = desk.answer(desk.command("list unassigned 400"));
    assertThat(first.path("blocks").size()).isLessThanOrEqualTo(50);
    assertThat(sectionTexts(first)).hasSize(ListBuilder.PAGE_SIZE);
    JsonNode button = first.path("blocks").get(first.path("blocks").size() - 1).path("elements").get(0);
    assertThat(button.path("action_id").asText()).isEqualTo("dd_list_more");
    assertThat(button.path("text").path("text").asText()).isEqualTo("Show 5 more (5 left)");

    String hook = desk.newHook();
    SignedPost.Reply ack = desk.send(io.disputedesk.testing.SlackRequests.blockAction("dd_list_more")
        .value(button.path("value").asText()).inMessage(DeskFixture.CHANNEL, "1763632900.000200", hook).body());

    assertThat(ack.status()).isEqualTo(200);
    JsonNode second = desk.answerAt(hook);
    List<String> lines = sectionTexts(second);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).contains("PP-D-5040");
    assertThat(lines.get(4)).contains("PP-D-5044");
    assertThat(second.toString()).doesNotContain("dd_list_more");
  }

  @Test
  void showGivesTheDisputeOrSaysItIsUnknown() {
    JsonNode shown = desk.answer(desk.command("show PP-D-1001"));
    assertThat(shown.path("response_type").asText()).isEqualTo("ephemeral");
    JsonNode blocks = shown.path("blocks");
    assertThat(blocks.get(0).path("elements").get(0).path("text").asText()).isEqualTo("The card in the channel: "
        + "<https://acme-payments.slack.com/archives/C0A1B2C3F/p1763632800000100|PP-D-1001> (act on it there)");
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).path("text").path("text").asText()).startsWith("120.00 USD");
    assertThat(shown.toString()).contains("<@" + ALICE + ">", "Under 24 h: 20 h left", "PP-D-1001");

    assertThat(desk.answer(desk.command("show PP-D-1002")).path("blocks").get(0).path("elements").get(0)
        .path("text").asText()).isEqualTo("`PP-D-1002` has no card in the channel yet; it is posted with the next sync.");

    assertThat(desk.answer(desk.command("show PP-D-7777")).path("text").asText())
        .startsWith("No dispute “PP-D-7777” is known to Dispute Desk.");
  }

  @Test
  void assignMakesTheMentionedPersonOwnerAndQueuesTheThreadNoteAndCardRefresh() {
    JsonNode answer = desk.answer(desk.command("assign PP-D-1002 <@" + BOB + "|bob>"));

    assertThat(answer.path("text").asText()).isEqualTo(":white_check_mark: PP-D-1002 is now assigned to <@" + BOB + ">.");
    assertThat(desk.assignments.owner("PP-D-1002").orElseThrow().userId()).isEqualTo(BOB);
    assertThat(desk.assignments.owner("PP-D-1002").orElseThrow().assignedBy()).isEqualTo(ALICE);
    List<AuditEntry> audit = desk.audit.forDispute("PP-D-1002");
    assertThat(audit).singleElement().satisfies(e -> {
      assertThat(e.userId()).isEqualTo(ALICE);
      assertThat(e.action()).isEqualTo("ASSIGN");
    });
    List<OutboxRow> rows = desk.outbox.inState(OutboxRow.PENDING);
    assertThat(rows).extracting(OutboxRow::kind).containsExactly("THREAD", "CARD");
    assertThat(rows.get(0).payload()).contains("<@" + ALICE + "> assigned this dispute to <@" + BOB + ">.");
    assertThat(rows).allSatisfy(r -> assertThat(r.disputeId()).isEqualTo("PP-D-1002"));
    DeskFixture.await(() -> desk.slack.homeView(BOB).isPresent(), "Bob's Home tab");
  }

  @Test
  void reassignNamesThePreviousOwner() {
    JsonNode answer = desk.answer(desk.command("assign PP-D-1001 <@" + BOB + "|bob>"));

    assertThat(answer.path("text").asText()).isEqualTo(
        ":white_check_mark: PP-D-1001 is now assigned to <@" + BOB + "> (was <@" + ALICE + ">).");
    DeskFixture.await(() -> desk.slack.homeView(ALICE).isPresent(), "Alice's Home tab");
  }

  @Test
  void assignRefusesWhoIsNotAPersonInTheWorkspace() {
    assertThat(desk.answer(desk.command("assign PP-D-1002 <@U0GHOST99|ghost>")).path("text").asText())
        .isEqualTo(":warning: “U0GHOST99” is not a user in this workspace.\nUsage: `/disputes assign <dispute id> @person`");
    assertThat(desk.answer(desk.command("assign PP-D-1002 <@U0A1B2BOT|disputes-bot>")).path("text").asText())
        .startsWith(":warning: <@U0A1B2BOT> is a bot; assign the dispute to a person.");
    assertThat(desk.assignments.owner("PP-D-1002")).isEmpty();
  }

  @Test
  void assignNeedsTheAgentRoleLikeTheCardButtons() {
    JsonNode answer = desk.answer(desk.command("assign PP-D-1002 <@" + BOB + "|bob>", OUTSIDER, "mallory"));

    assertThat(answer.path("text").asText()).startsWith(":no_entry: You can't assign disputes. Ask an admin to add you");
    assertThat(desk.assignments.owner("PP-D-1002")).isEmpty();
    assertThat(desk.outbox.inState(OutboxRow.PENDING)).isEmpty();
  }

  @Test
  void assignOfAnUnknownDisputeSaysSo() {
    assertThat(desk.answer(desk.command("assign PP-D-7777 <@" + BOB + "|bob>")).path("text").asText())
        .isEqualTo("No dispute “PP-D-7777” is known to Dispute Desk.");
  }

  @Test
  void unassignRemovesTheOwner() {
    assertThat(desk.answer(desk.command("unassign PP-D-1001")).path("text").asText())
        .isEqualTo(":white_check_mark: PP-D-1001 is unassigned (was <@" + ALICE + ">).");
    assertThat(desk.assignments.owner("PP-D-1001")).isEmpty();
    assertThat(desk.outbox.inState(OutboxRow.PENDING)).extracting(OutboxRow::kind).containsExactly("THREAD", "CARD");

    assertThat(desk.answer(desk.command("unassign PP-D-1001")).path("text").asText())
        .isEqualTo("PP-D-1001 has no owner; nothing to change.");
  }

  @Test
  void statsReportTheNumbersOfThePeriod() {
    JsonNode answer = desk.answer(desk.command("stats 7d"));

    assertThat(answer.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("Dispute stats: last 7 days");
    String text = answer.toString();
    assertThat(text).contains("*Opened*\\n3", "*Resolved*\\n1 (won 1 · lost 0)", "*Win rate*\\n100%",
        "*At risk now*\\n3 open · 35.50 EUR\\n129.99 USD", "*Deadlines missed*\\n0 in the period · 0 overdue now");
  }

  @Test
  void exportUploadsACsvToTheCallersDirectMessages() {
    JsonNode answer = desk.answer(desk.command("export 30d"));

    assertThat(answer.path("text").asText()).isEqualTo(
        ":page_facing_up: Sent you `disputes-30d-2026-11-20.csv` (4 disputes) in a direct message.");
    assertThat(desk.slack.uploadedFiles()).singleElement().satisfies(f -> {
      assertThat(f.channel()).isEqualTo("D0A1B2C3E");
      assertThat(f.filename()).isEqualTo("disputes-30d-2026-11-20.csv");
      String[] rows = f.contentText().split("\r\n");
      assertThat(rows[0]).isEqualTo(String.join(",", ExportCsv.HEADER));
      assertThat(rows).hasSize(5);
      assertThat(rows[1]).startsWith("PP-D-0900,2026-11-08T10:00:00Z,MERCHANDISE_OR_SERVICE_NOT_RECEIVED,RESOLVED,")
          .contains(",80.00,USD,", ",WON,RESOLVED_SELLER_FAVOUR,");
      assertThat(f.contentText()).contains("PP-D-1001,").contains("," + ALICE + ",");
    });
  }

  @Test
  void exportIsForAgentsAndSaysWhenSlackRefusesTheFile() {
    assertThat(desk.answer(desk.command("export all", OUTSIDER, "mallory")).path("text").asText())
        .startsWith(":no_entry: Only agents can export disputes.");
    desk.slack.failNext("files.completeUploadExternal", 1, io.disputedesk.sim.slack.Fault.error("invalid_channel"));

    assertThat(desk.answer(desk.command("export all")).path("text").asText())
        .isEqualTo(":warning: I could not send you the file (files.uploadV2 failed: invalid_channel). Try again in a minute.");
    assertThat(desk.slack.uploadedFiles()).isEmpty();
  }

  @Test
  void syncIsForApproversAndReportsWhatChanged() {
    assertThat(desk.answer(desk.command("sync", CAROL, "carol")).path("text").asText())
        .isEqualTo(":arrows_counterclockwise: Checked PayPal: 2 new, 1 updated");
    assertThat(desk.polls.get()).isEqualTo(1);

    assertThat(desk.answer(desk.command("sync")).path("text").asText())
        .startsWith(":no_entry: Only approvers can run a sync. Ask an admin to add you");
    assertThat(desk.polls.get()).isEqualTo(1);
  }

  @Test
  void slowWorkIsAckedWithinThreeSecondsAndAnsweredLater() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    desk.pollResult.set(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "nothing changed";
    });
    long started = System.nanoTime();
    DeskFixture.Exchange ex = desk.command("sync", CAROL, "carol");
    long ackMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

    assertThat(ex.ack().status()).isEqualTo(200);
    assertThat(ackMillis).isLessThan(3000);
    assertThat(desk.postAt(ex.hookPath())).isEmpty();
    release.countDown();
    assertThat(desk.answer(ex).path("text").asText()).isEqualTo(":arrows_counterclockwise: Checked PayPal: nothing changed");
  }

  @Test
  void digestPreviewIsOnlyForTheCallerAndSendsNothing() {
    JsonNode answer = desk.answer(desk.command("digest"));

    assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("Dispute digest · Fri 20 Nov");
    assertThat(answer.toString()).contains("Preview only: nothing was posted.");
    assertThat(desk.outbox.inState(OutboxRow.PENDING)).isEmpty();
    assertThat(desk.digestLedger.lastCoveredTo(DeskFixture.CHANNEL)).isEmpty();
  }

  @Test
  void trailingShareAnswersInTheChannel() {
    assertThat(desk.answer(desk.command("stats 30d share")).path("response_type").asText()).isEqualTo("in_channel");
    assertThat(desk.answer(desk.command("list due public")).path("response_type").asText()).isEqualTo("in_channel");
  }

  private String ackText(String text) {
    SignedPost.Reply ack = desk.command(text).ack();
    assertThat(ack.status()).isEqualTo(200);
    JsonNode body = json(ack.body());
    assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    return body.path("text").asText();
  }

  private JsonNode json(String body) {
    try {
      return desk.mapper.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static String blocksText(JsonNode body) {
    return body.path("blocks").toString();
  }

  /** The texts of the section blocks, in order. */
  static List<String> sectionTexts(JsonNode answer) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : answer.path("blocks")) {
      if ("section".equals(block.path("type").asText())) {
        texts.add(block.path("text").path("text").asText());
      }
    }
    return texts;
  }
}
