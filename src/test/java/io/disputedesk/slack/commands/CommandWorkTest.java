package io.disputedesk.slack.commands;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.SlashCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /disputes} assign, unassign, stats, export, sync and digest: acked at once, answered
 * through the response URL.
 */
class CommandWorkTest extends CommandsTestBase {
  @Test
  void assignMakesTheMentionedPersonOwnerAndQueuesTheThreadNoteAndCardRefresh() {
    JsonNode answer = slash.answer(slash.command("assign PP-D-1002 <@" + BOB + "|bob>"));

    assertThat(answer.path("text").asText())
        .isEqualTo(":white_check_mark: PP-D-1002 is now assigned to <@" + BOB + ">.");
    assertThat(desk.owners.owner("PP-D-1002").orElseThrow().userId()).isEqualTo(BOB);
    assertThat(desk.owners.owner("PP-D-1002").orElseThrow().assignedBy()).isEqualTo(ALICE);
    List<AuditEntry> audit = desk.audit.forDispute("PP-D-1002");
    assertThat(audit)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.userId()).isEqualTo(ALICE);
              assertThat(e.action()).isEqualTo("ASSIGN");
            });
    List<OutboxRow> rows = desk.queued();
    assertThat(rows).extracting(OutboxRow::kind).containsExactly("THREAD", "CARD");
    assertThat(rows.get(0).payload())
        .contains("<@" + ALICE + "> assigned this dispute to <@" + BOB + ">.");
    assertThat(rows).allSatisfy(r -> assertThat(r.disputeId()).isEqualTo("PP-D-1002"));
    Await.until("Bob's Home tab", () -> desk.slack.homeView(BOB).isPresent());
  }

  @Test
  void reassignNamesThePreviousOwner() {
    JsonNode answer = slash.answer(slash.command("assign PP-D-1001 <@" + BOB + "|bob>"));

    assertThat(answer.path("text").asText())
        .isEqualTo(
            ":white_check_mark: PP-D-1001 is now assigned to <@"
                + BOB
                + "> (was <@"
                + ALICE
                + ">).");
    Await.until("Alice's Home tab", () -> desk.slack.homeView(ALICE).isPresent());
  }

  @Test
  void assignRefusesWhoIsNotAPersonInTheWorkspace() {
    assertThat(
            slash
                .answer(slash.command("assign PP-D-1002 <@U0GHOST99|ghost>"))
                .path("text")
                .asText())
        .isEqualTo(
            ":warning: “U0GHOST99” is not a user in this workspace.\nUsage: `/disputes assign <dispute id> @person`");
    assertThat(
            slash
                .answer(slash.command("assign PP-D-1002 <@U0A1B2BOT|disputes-bot>"))
                .path("text")
                .asText())
        .startsWith(":warning: <@U0A1B2BOT> is a bot; assign the dispute to a person.");
    assertThat(desk.owners.owner("PP-D-1002")).isEmpty();
  }

  @Test
  void assignNeedsTheAgentRoleLikeTheCardButtons() {
    JsonNode answer =
        slash.answer(slash.command("assign PP-D-1002 <@" + BOB + "|bob>", OUTSIDER, "mallory"));

    assertThat(answer.path("text").asText())
        .startsWith(":no_entry: You can't assign disputes. Ask an admin to add you");
    assertThat(desk.owners.owner("PP-D-1002")).isEmpty();
    assertThat(desk.queued()).isEmpty();
  }

  @Test
  void assignOfAnUnknownDisputeSaysSo() {
    assertThat(
            slash
                .answer(slash.command("assign PP-D-7777 <@" + BOB + "|bob>"))
                .path("text")
                .asText())
        .isEqualTo("No dispute “PP-D-7777” is known to Dispute Desk.");
  }

  @Test
  void unassignRemovesTheOwner() {
    assertThat(slash.answer(slash.command("unassign PP-D-1001")).path("text").asText())
        .isEqualTo(":white_check_mark: PP-D-1001 is unassigned (was <@" + ALICE + ">).");
    assertThat(desk.owners.owner("PP-D-1001")).isEmpty();
    assertThat(desk.queued()).extracting(OutboxRow::kind).containsExactly("THREAD", "CARD");

    assertThat(slash.answer(slash.command("unassign PP-D-1001")).path("text").asText())
        .isEqualTo("PP-D-1001 has no owner; nothing to change.");
  }

  @Test
  void statsReportTheNumbersOfThePeriod() {
    JsonNode answer = slash.answer(slash.command("stats 7d"));

    assertThat(answer.path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("Dispute stats: last 7 days");
    String text = answer.toString();
    assertThat(text)
        .contains(
            "*Opened*\\n3",
            "*Resolved*\\n1 (won 1 · lost 0)",
            "*Win rate*\\n100%",
            "*At risk now*\\n3 open · 35.50 EUR\\n129.99 USD",
            "*Deadlines missed*\\n0 in the period · 0 overdue now");
  }

  @Test
  void exportUploadsACsvAndTheWeeklyTotalsToTheCallersDirectMessages() {
    JsonNode answer = slash.answer(slash.command("export 30d"));

    assertThat(answer.path("text").asText())
        .isEqualTo(
            ":page_facing_up: Sent you `disputes-30d-2026-11-20.csv` (4 disputes created in the last"
                + " 30 days (since <!date^1792576800^{date_short_pretty}|Wed 21 Oct 2026>), generated"
                + " <!date^1795168800^{date_short_pretty} {time}|Fri 20 Nov 2026 10:00 UTC>) and"
                + " `disputes-weekly-30d-2026-11-20.csv` (weekly totals) in a direct message.");
    assertThat(desk.slack.uploadedFiles()).hasSize(2);
    assertThat(desk.slack.uploadedFiles().get(0))
        .satisfies(
            f -> {
              assertThat(f.channel()).isEqualTo("D0A1B2C3E");
              assertThat(f.filename()).isEqualTo("disputes-30d-2026-11-20.csv");
              String[] rows = f.contentText().split("\r\n");
              assertThat(rows[0]).isEqualTo(String.join(",", ExportCsv.HEADER));
              assertThat(rows).hasSize(5);
              assertThat(rows[0])
                  .startsWith(
                      "Dispute,Opened,Reason,Status,Stage,Amount,Currency,Respond by,Owner,Outcome,");
              assertThat(rows[1])
                  .startsWith(
                      "PP-D-0900,2026-11-08T10:00:00Z,Item not received,Resolved,Claim,80.00,USD,")
                  .contains(",Won: resolved in our favour,")
                  .endsWith(
                      ",MERCHANDISE_OR_SERVICE_NOT_RECEIVED,RESOLVED,CHARGEBACK,RESOLVED_SELLER_FAVOUR");
              assertThat(f.initialComment())
                  .startsWith("Your export: 4 disputes created in the last 30 days")
                  .contains("generated <!date^1795168800^");
              assertThat(f.contentText()).contains("PP-D-1001,").contains("," + ALICE + ",");
            });
    assertThat(desk.slack.uploadedFiles().get(1))
        .satisfies(
            f -> {
              assertThat(f.channel()).isEqualTo("D0A1B2C3E");
              assertThat(f.filename()).isEqualTo("disputes-weekly-30d-2026-11-20.csv");
              assertThat(f.contentText()).startsWith(String.join(",", WeeklyCsv.FIXED));
            });
  }

  @Test
  void exportNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
    // Reasons, statuses and outcomes are read into known values; the dispute id is PayPal's text as
    // sent.
    for (String id : List.of("\t=HYPERLINK(A1)", "\r=1+2", "-2+3", "@SUM(A1)", "+1")) {
      desk.seeds.dispute(id).store();
    }

    assertThat(slash.answer(slash.command("export all")).path("text").asText())
        .contains("9 disputes (all on record)");

    String csv = desk.slack.uploadedFiles().get(0).contentText();
    assertThat(csv)
        .contains(
            "\r\n'\t=HYPERLINK(A1),2026-11-20T09:00:00Z,",
            "\r\n\"'\r=1+2\",2026-11-20T09:00:00Z,",
            "\r\n'-2+3,2026-11-20T09:00:00Z,",
            "\r\n'@SUM(A1),2026-11-20T09:00:00Z,",
            "\r\n'+1,2026-11-20T09:00:00Z,");
    assertThat(csv.split("\r\n(?=[^\r\n])")).noneMatch(row -> row.matches("(?s)\"?[=+\\-@\t\r].*"));
  }

  @Test
  void exportIsForAgentsAndSaysWhenSlackRefusesTheFile() {
    assertThat(slash.answer(slash.command("export all", OUTSIDER, "mallory")).path("text").asText())
        .startsWith(":no_entry: Only agents can export disputes.");
    desk.slack.failNext(
        "files.completeUploadExternal", 1, io.disputedesk.sim.slack.Fault.error("invalid_channel"));

    assertThat(slash.answer(slash.command("export all")).path("text").asText())
        .isEqualTo(
            ":warning: I could not send you the file (files.uploadV2 failed: invalid_channel). Try again in a minute.");
    assertThat(desk.slack.uploadedFiles()).isEmpty();
  }

  @Test
  void syncIsForApproversAndReportsWhatChanged() {
    desk.sim.createDispute(SimDisputeSpec.builder().build());
    desk.sim.createDispute(SimDisputeSpec.builder().build());

    assertThat(slash.answer(slash.command("sync", CAROL, "carol")).path("text").asText())
        .isEqualTo(
            ":arrows_counterclockwise: Checked PayPal: 2 disputes new or changed (2 listed, 2 read"
                + " in full, first import).");
    assertThat(desk.sim.count("list")).isEqualTo(1);

    assertThat(slash.answer(slash.command("sync")).path("text").asText())
        .startsWith(":no_entry: Only approvers can run a sync. Ask an admin to add you");
    assertThat(desk.sim.count("list")).isEqualTo(1);
  }

  @Test
  void slowWorkIsAckedWithinThreeSecondsAndAnsweredLater() {
    // PayPal takes its time: the poll behind the command waits seconds for its list, far longer
    // than the ack and the look at the response URL right after it.
    desk.sim.delay("list", Duration.ofSeconds(4));
    long started = System.nanoTime();
    SlashCommands.Exchange ex = slash.command("sync", CAROL, "carol");
    long ackMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

    assertThat(ex.ack().status()).isEqualTo(200);
    assertThat(ackMillis).isLessThan(3000);
    assertThat(slash.postAt(ex.hookPath())).isEmpty();
    assertThat(slash.answer(ex).path("text").asText())
        .isEqualTo(
            ":arrows_counterclockwise: Checked PayPal: 0 disputes new or changed (0 listed, 0 read"
                + " in full, first import).");
  }

  @Test
  void digestPreviewIsOnlyForTheCallerAndSendsNothing() {
    JsonNode answer = slash.answer(slash.command("digest"));

    assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("Dispute digest · Fri 20 Nov");
    assertThat(answer.toString()).contains("Preview only: nothing was posted.");
    assertThat(desk.queued()).isEmpty();
    assertThat(desk.digestLedger.lastCoveredTo(DeskDriver.CHANNEL)).isEmpty();
  }
}
