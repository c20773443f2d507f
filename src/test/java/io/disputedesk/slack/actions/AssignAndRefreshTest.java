package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.StateValues;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Assign to me, Reassign, Unassign and Refresh: agents' buttons that need no PayPal action. */
class AssignAndRefreshTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  String id;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    id = desk.dispute(SimDisputeSpec.builder());
  }

  @Test
  void assignToMeTakesTheDisputeNotesItAndRedrawsTheCard() {
    SignedPost.Reply reply = desk.click(Ids.ASSIGN_ME, id, CAROL);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(desk.awaitThread(id, "took this dispute")).contains("<@" + CAROL + ">");
    assertThat(desk.owners.owner(id).orElseThrow().userId()).isEqualTo(CAROL);
    desk.awaitCardRefresh(id);
    assertThat(desk.auditOf(id)).anySatisfy(e -> assertThat(e.action()).isEqualTo("ASSIGN"));
  }

  @Test
  void retriedClickPostsOneNote() {
    SlackBody click = desk.clickBody(Ids.ASSIGN_ME, id, CAROL).body();

    desk.post.send(click);
    desk.post.send(click, Map.of("X-Slack-Retry-Num", "1"));

    desk.awaitThread(id, "took this dispute");
    desk.settle();
    assertThat(desk.threadTexts(id)).hasSize(1);
  }

  @Test
  void reassignOpensAUserPickerWithTheOwnerAndAssignsThePickedPerson() {
    desk.owners.assign(id, CAROL, CAROL);
    desk.importDispute(id);

    SlackView view = desk.open(Ids.REASSIGN, id, ALICE);
    assertThat(view.callbackId()).isEqualTo(Ids.VIEW_REASSIGN);
    assertThat(view.blocks().toString()).contains("\"initial_user\":\"" + CAROL + "\"");
    SignedPost.Reply reply =
        desk.submit(
            view,
            ALICE,
            new StateValues().usersSelect(ModalFields.ASSIGNEE, ModalFields.ASSIGNEE, BOB));

    assertThat(reply.body()).isEmpty();
    assertThat(desk.awaitThread(id, "assigned this dispute to <@" + BOB + ">"))
        .contains("was <@" + CAROL + ">");
    assertThat(desk.owners.owner(id).orElseThrow().userId()).isEqualTo(BOB);
  }

  @Test
  void unassignClearsTheOwner() {
    desk.owners.assign(id, BOB, BOB);

    desk.click(Ids.UNASSIGN, id, CAROL);

    assertThat(desk.awaitThread(id, "unassigned this dispute")).contains("from <@" + BOB + ">");
    assertThat(desk.owners.owner(id)).isEmpty();
  }

  @Test
  void assignToMeRepublishesTheHomeOfTheNewAndThePreviousOwner() {
    desk.owners.assign(id, BOB, BOB);

    desk.click(Ids.ASSIGN_ME, id, CAROL);

    Await.until(
        "Carol's and Bob's Home tabs are published",
        () -> desk.homePublishes(CAROL) == 1 && desk.homePublishes(BOB) == 1);
    assertThat(desk.slack.homeView(CAROL).orElseThrow().json().toString())
        .contains("*Your queue* (1)", id);
    assertThat(desk.slack.homeView(BOB).orElseThrow().json().toString())
        .contains("*Your queue* (0)");
  }

  @Test
  void unassignRepublishesThePreviousOwnersHome() {
    desk.owners.assign(id, BOB, BOB);

    desk.click(Ids.UNASSIGN, id, CAROL);

    Await.until("Bob's Home tab is published", () -> desk.homePublishes(BOB) == 1);
    // Bob's publish is one task of the click's work: wait until all of it is done.
    desk.settle();
    assertThat(desk.homePublishes(CAROL)).isZero();
  }

  @Test
  void refreshReadsTheDisputeFromPayPalNow() {
    desk.sim.addBuyerMessage(id, "Any news?");

    desk.click(Ids.REFRESH, id, CAROL);

    desk.awaitCardRefresh(id);
    assertThat(
            desk.disputes
                .find(id)
                .orElseThrow()
                .dispute()
                .latestBuyerMessage()
                .orElseThrow()
                .content())
        .isEqualTo("Any news?");
  }

  @Test
  void outsidersCannotAssignOrRefresh() {
    desk.sim.clearRequests();

    desk.click(Ids.ASSIGN_ME, id, DAVE);
    desk.click(Ids.REFRESH, id, DAVE);

    Await.until("two refusals", () -> desk.ephemeralTexts(DAVE).size() == 2);
    assertThat(desk.owners.owner(id)).isEmpty();
    assertThat(desk.sim.count("get")).isZero();
  }

  @Test
  void openInPayPalIsAcknowledged() {
    assertThat(desk.click(Ids.OPEN_IN_PAYPAL, id, CAROL).status()).isEqualTo(200);
  }
}
