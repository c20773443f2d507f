package io.disputedesk.slack.commands;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.OUTSIDER;
import static io.disputedesk.testing.People.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may see disputes through {@code /disputes}, and where {@code share} may post: signed requests
 * over HTTP.
 */
class ReadAccessTest extends CommandsTestBase {
  private static final String DM = "D0A1B2C3E";
  private static final String OTHER_CHANNEL = "C0RANDOM1";

  @Test
  void outsiderIsRefusedEveryReadWithANoteNamingWhoGrantsAccessAndEachRefusalIsAudited() {
    for (String text :
        List.of(
            "list",
            "mine",
            "due 24",
            "unassigned",
            "show PP-D-1001",
            "stats 7d",
            "digest",
            "list share")) {
      JsonNode answer = slash.answer(slash.command(text, OUTSIDER, "mallory"));
      assertThat(answer.path("response_type").asText()).as(text).isEqualTo("ephemeral");
      assertThat(answer.path("text").asText())
          .as(text)
          .startsWith(
              ":lock: Dispute Desk shows disputes only to its viewers, agents and approvers")
          .contains(
              "Ask an admin to add you (or a user group you are in) to VIEWERS (or AGENTS or APPROVERS).",
              "Approvers you can ask: <@" + CAROL + ">.");
      assertThat(answer.toString()).as(text).doesNotContain("PP-D-", "USD", "blocks");
    }
    assertThat(slash.answer(slash.command("export all", OUTSIDER, "mallory")).path("text").asText())
        .startsWith(":no_entry: Only agents can export disputes.");
    assertThat(desk.slack.uploadedFiles()).isEmpty();

    assertThat(desk.audit.recent(100))
        .extracting(
            e ->
                e.userId()
                    + " "
                    + e.action()
                    + " "
                    + e.disputeId()
                    + " "
                    + e.outcome()
                    + " "
                    + e.detail())
        .containsExactlyInAnyOrder(
            OUTSIDER + " LIST null DENIED user lacks VIEWER",
            OUTSIDER + " LIST null DENIED user lacks VIEWER",
            OUTSIDER + " LIST null DENIED user lacks VIEWER",
            OUTSIDER + " LIST null DENIED user lacks VIEWER",
            OUTSIDER + " SHOW PP-D-1001 DENIED user lacks VIEWER",
            OUTSIDER + " STATS null DENIED user lacks VIEWER",
            OUTSIDER + " DIGEST_PREVIEW null DENIED user lacks VIEWER",
            OUTSIDER + " LIST null DENIED user lacks VIEWER",
            OUTSIDER + " EXPORT null DENIED user lacks AGENT");
  }

  @Test
  void viewerSeesDisputesButCannotActOrExport() {
    assertThat(sectionTexts(slash.answer(slash.command("list", VIEWER, "vera")))).hasSize(3);
    assertThat(slash.answer(slash.command("show PP-D-1001", VIEWER, "vera")).toString())
        .contains("120.00 USD");
    assertThat(slash.answer(slash.command("stats 7d", VIEWER, "vera")).toString())
        .contains("Dispute stats: last 7 days");
    assertThat(slash.answer(slash.command("digest", VIEWER, "vera")).toString())
        .contains("Preview only");

    assertThat(
            slash
                .answer(slash.command("assign PP-D-1002 <@" + BOB + "|bob>", VIEWER, "vera"))
                .path("text")
                .asText())
        .startsWith(":no_entry: You can't assign disputes.");
    assertThat(slash.answer(slash.command("export all", VIEWER, "vera")).path("text").asText())
        .startsWith(":no_entry: Only agents can export disputes.");
    assertThat(desk.owners.owner("PP-D-1002")).isEmpty();
    assertThat(desk.slack.uploadedFiles()).isEmpty();
    assertThat(desk.audit.recent(100))
        .extracting(AuditEntry::action)
        .containsExactlyInAnyOrder("ASSIGN", "EXPORT");
  }

  @Test
  void listMoreButtonIsCheckedAgainstWhoClicksIt() {
    for (int i = 0; i < 45; i++) {
      desk.seeds.dispute(String.format("PP-D-5%03d", i)).amount("500.00", "USD").store();
    }
    JsonNode first = slash.answer(slash.command("list unassigned 400", VIEWER, "vera"));
    JsonNode button =
        first.path("blocks").get(first.path("blocks").size() - 1).path("elements").get(0);
    assertThat(button.path("action_id").asText()).isEqualTo("dd_list_more");

    String hook = slash.newHook();
    SignedPost.Reply ack =
        desk.send(
            SlackRequests.blockAction("dd_list_more")
                .user(OUTSIDER, "mallory")
                .value(button.path("value").asText())
                .inMessage(DeskDriver.CHANNEL, "1763632900.000200", hook)
                .body());

    assertThat(ack.status()).isEqualTo(200);
    JsonNode answer = slash.answerAt(hook);
    assertThat(answer.path("text").asText()).startsWith(":lock: Dispute Desk shows disputes only");
    assertThat(answer.toString()).doesNotContain("PP-D-");
    assertThat(desk.audit.recent(10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.userId()).isEqualTo(OUTSIDER);
              assertThat(e.action()).isEqualTo("LIST");
              assertThat(e.outcome()).isEqualTo("DENIED");
            });
  }

  @Test
  void shareOnlyPostsIntoTheDisputesChannel() {
    for (String channel : List.of(DM, OTHER_CHANNEL)) {
      JsonNode refused =
          slash.answer(slash.command("show PP-D-1001 share", ALICE, "alice", channel));
      assertThat(refused.path("response_type").asText()).isEqualTo("ephemeral");
      assertThat(refused.path("text").asText())
          .isEqualTo(
              ":no_entry: `share` posts only in <#"
                  + DeskDriver.CHANNEL
                  + ">, where the team works on disputes; nothing was posted here. Run the command there, or without"
                  + " `share` to see the answer just for you.");
      assertThat(refused.toString()).doesNotContain("120.00 USD");
    }
    JsonNode assign =
        slash.answer(
            slash.command("assign PP-D-1002 <@" + BOB + "|bob> share", ALICE, "alice", DM));
    assertThat(assign.path("text").asText()).startsWith(":no_entry: `share` posts only in");
    assertThat(desk.owners.owner("PP-D-1002")).as("a refused share does nothing").isEmpty();
    assertThat(desk.audit.recent(10))
        .extracting(e -> e.action() + " " + e.disputeId() + " " + e.detail())
        .containsExactlyInAnyOrder(
            "SHARE PP-D-1001 share asked in " + DM + ", not a disputes channel",
            "SHARE PP-D-1001 share asked in " + OTHER_CHANNEL + ", not a disputes channel",
            "SHARE PP-D-1002 share asked in " + DM + ", not a disputes channel");

    JsonNode shared =
        slash.answer(slash.command("show PP-D-1001 share", ALICE, "alice", DeskDriver.CHANNEL));
    assertThat(shared.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(shared.toString()).contains("120.00 USD");
    // Help has no dispute in it: it may be shared anywhere.
    assertThat(
            json(slash.command("help share", ALICE, "alice", DM).ack().body())
                .path("response_type")
                .asText())
        .isEqualTo("in_channel");
  }
}
