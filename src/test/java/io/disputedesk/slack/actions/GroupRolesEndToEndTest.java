package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.ResponseUrlPost;
import io.disputedesk.slack.SlackGroupDirectory.Timings;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.People;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Roles held through a Slack user group ({@code APPROVERS=S0A1B2C3P}, the local Slack's group of
 * Alice and Bob), checked on each signed click against memberships the bot reads in the background.
 */
class GroupRolesEndToEndTest {
  private static final String GROUP = "S0A1B2C3P";
  private static final String LIST = "usergroups.users.list";
  private static final Timings TIMINGS = Timings.defaults();

  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(
          DeskOptions.forActions().roles(List.of(GROUP), List.of(CAROL), "USD:100"));

  private DeskDriver desk;
  private String id;
  private final AtomicInteger hooks = new AtomicInteger();

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    id =
        desk.dispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED));
  }

  @Test
  void clicksAreCheckedAgainstCachedMembershipsWithoutCallingSlack() {
    assertThat(desk.slack.calls(LIST)).as("read once at start").hasSize(1);

    for (int i = 0; i < 20; i++) {
      assertThat(granted(ALICE)).as("click " + i).isTrue();
    }
    assertThat(granted(BOB)).isTrue();
    assertThat(granted(DAVE)).isFalse();

    assertThat(desk.slack.calls(LIST)).as("no Slack call per click").hasSize(1);
  }

  @Test
  void removedMemberLosesTheGroupsRightsAtTheNextBackgroundRead() {
    assertThat(granted(ALICE)).isTrue();
    desk.slack.addUserGroup(GROUP, "disputes-team", List.of(BOB));
    assertThat(granted(ALICE)).as("the membership read a moment ago still holds").isTrue();

    desk.clock.advance(TIMINGS.refreshEvery().plusSeconds(1));

    Await.until("Alice's removal is read", () -> !granted(ALICE));
    assertThat(desk.awaitEphemeral(ALICE, "Only agents and approvers can use *Send message*"))
        .contains("AGENTS");
    assertThat(granted(BOB)).isTrue();
    assertThat(desk.slack.calls(LIST)).hasSize(2);
    desk.settle();
    assertThat(desk.auditOf(id))
        .filteredOn(e -> e.outcome().equals("DENIED"))
        .extracting(e -> e.userId() + " " + e.action())
        .containsOnly(ALICE + " SEND_MESSAGE");
  }

  @Test
  void failingGroupReadIsTrustedOnlyUntilTheTrustRunsOutThenDenied() {
    desk.slack.failNext(LIST, 1000, Fault.serverError());

    desk.clock.advance(TIMINGS.refreshEvery().plusSeconds(1));
    assertThat(granted(ALICE)).as("a Slack hiccup locks no one out").isTrue();
    Await.until("the failed read", () -> desk.slack.calls(LIST).size() == 2);

    desk.clock.advance(TIMINGS.trustFor());
    for (int i = 0; i < 10; i++) {
      assertThat(granted(ALICE)).as("click " + i + " past the trust").isFalse();
    }
    assertThat(desk.slack.calls(LIST))
        .as("failed reads are retried at most every " + TIMINGS.retryAfter())
        .hasSizeLessThanOrEqualTo(3);
    desk.settle();
    assertThat(desk.auditOf(id))
        .filteredOn(e -> e.outcome().equals("DENIED"))
        .hasSize(10)
        .allSatisfy(e -> assertThat(e.detail()).isEqualTo("user lacks AGENT"));
    // Viewing is refused the same way.
    assertThat(command("list", ALICE).path("text").asText())
        .startsWith(":lock: Dispute Desk shows disputes only");
  }

  @Test
  void groupNeverReadGrantsNothingUntilSlackAnswersAndThenGrantsWithoutARestart() {
    desk.stopApp();
    desk.slack.failNext(LIST, 1000, Fault.serverError());
    desk.start();

    assertThat(granted(ALICE)).as("fail closed before the first successful read").isFalse();
    assertThat(granted(CAROL)).as("user ids need no lookup").isTrue();
    assertThat(desk.awaitEphemeral(ALICE, "Only agents and approvers can use *Send message*"))
        .isNotEmpty();

    desk.slack.clearFaults();
    desk.clock.advance(TIMINGS.retryAfter().plusSeconds(1));
    Await.until("Alice's group is read", () -> granted(ALICE));
  }

  @Test
  void withoutViewersOnlyAgentsAndApproversSeeDisputes() {
    assertThat(command("list", CAROL).toString()).as("agent").contains(id);
    assertThat(command("list", BOB).toString()).as("approver through the group").contains(id);

    JsonNode refused = command("show " + id, DAVE);
    assertThat(refused.path("text").asText())
        .startsWith(":lock: Dispute Desk shows disputes only")
        .contains(
            "VIEWERS (or AGENTS or APPROVERS)", "Approvers you can ask: <!subteam^" + GROUP + ">.");
    assertThat(refused.toString()).doesNotContain("49.99");
    assertThat(desk.auditOf(id))
        .anySatisfy(
            e -> {
              assertThat(e.userId()).isEqualTo(DAVE);
              assertThat(e.action()).isEqualTo("SHOW");
              assertThat(e.outcome()).isEqualTo("DENIED");
            });
  }

  /**
   * Clicks Send message: a granted click opens the form before its ack (views.open), a refused one
   * does not, so the answer is known when the ack arrives.
   */
  private boolean granted(String user) {
    int opened = desk.slack.calls("views.open").size();
    SignedPost.Reply ack = desk.click(CardAction.SEND_MESSAGE.buttonId(), id, user);
    assertThat(ack.status()).isEqualTo(200);
    desk.slack.closeViews(user);
    return desk.slack.calls("views.open").size() > opened;
  }

  private JsonNode command(String text, String user) {
    String path = "commands/T0A1B2C3D/" + hooks.incrementAndGet() + "/groups";
    SignedPost.Reply ack =
        desk.post.send(
            SlackRequests.slashCommand("/disputes")
                .text(text)
                .user(user, People.nameOf(user))
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
