package io.disputedesk.slack.commands;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.testing.Await;
import org.junit.jupiter.api.Test;

/** {@code /disputes assign|unassign} through the same assignment service as the card's buttons. */
class AssignCommandsTest extends CommandsTestBase {
  @Test
  void assignRepublishesTheHomeOfTheNewAndThePreviousOwner() {
    slash.answer(slash.command("assign PP-D-1001 <@" + BOB + "|bob>"));

    // The fake records a views.publish call as it arrives and stores the view after it has
    // checked it, so wait for both.
    Await.until(
        "Bob's and Alice's Home tabs",
        () ->
            publishes(BOB) == 1
                && publishes(ALICE) == 1
                && desk.slack.homeView(BOB).isPresent()
                && desk.slack.homeView(ALICE).isPresent());
    assertThat(desk.slack.homeView(BOB).orElseThrow().json().toString())
        .contains("*Your queue* (1)");
    assertThat(desk.slack.homeView(ALICE).orElseThrow().json().toString())
        .contains("*Your queue* (0)");
  }

  @Test
  void unassignRepublishesThePreviousOwnersHome() {
    slash.answer(slash.command("unassign PP-D-1001"));

    Await.until("Alice's Home tab", () -> publishes(ALICE) == 1);
    assertThat(desk.slack.calls("views.publish")).hasSize(1);
  }

  @Test
  void assignToTheCurrentOwnerChangesNothing() {
    assertThat(
            slash
                .answer(slash.command("assign PP-D-1001 <@" + ALICE + "|alice>"))
                .path("text")
                .asText())
        .isEqualTo("PP-D-1001 is already assigned to <@" + ALICE + ">; nothing to change.");
    watchers.awaitBackgroundIdle();
    assertThat(desk.queued()).isEmpty();
    assertThat(desk.audit.forDispute("PP-D-1001")).isEmpty();
    assertThat(watchers.viewsPublished()).isEmpty();
  }

  @Test
  void aRefusedAssignIsAuditedLikeARefusedButtonClick() {
    slash.answer(slash.command("assign PP-D-1002 <@" + BOB + "|bob>", OUTSIDER, "mallory"));

    assertThat(desk.audit.forDispute("PP-D-1002"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.userId()).isEqualTo(OUTSIDER);
              assertThat(e.action()).isEqualTo("ASSIGN");
              assertThat(e.outcome()).isEqualTo("DENIED");
            });
  }

  private long publishes(String user) {
    return desk.slack.calls("views.publish").stream()
        .filter(c -> user.equals(c.param("user_id")))
        .count();
  }
}
