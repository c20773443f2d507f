package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimDisputeSpecBuilder;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Roles are checked on the server from the Slack user of each click and submission. */
class ActionPermissionsTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  private static SimDisputeSpecBuilder claim() {
    return SimDisputeSpec.builder()
        .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
        .amount("49.99", "USD")
        .offerTypes("REFUND")
        .acceptClaimTypes("REFUND");
  }

  @Test
  void agentCannotAcceptOrOfferAndNothingReachesPayPal() {
    DeskDriver desk = DeskDriver.of(bot);
    String id = desk.dispute(claim());

    SignedPost.Reply accept = desk.click(CardAction.ACCEPT_CLAIM.buttonId(), id, CAROL);
    SignedPost.Reply offer = desk.click(CardAction.MAKE_OFFER.buttonId(), id, CAROL);

    assertThat(accept.status()).isEqualTo(200);
    assertThat(offer.status()).isEqualTo(200);
    assertThat(desk.awaitEphemeral(CAROL, "Only approvers can use *Accept claim*"))
        .contains("Ask an admin to add you", "APPROVERS");
    desk.awaitEphemeral(CAROL, "Only approvers can use *Make offer*");
    assertThat(desk.slack.openViews(CAROL)).isEmpty();

    // A submission forged from an approver's modal is checked again, against the submitter.
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), id, ALICE);
    // (The full amount: on this not-as-described dispute less would first need a return address.)
    SignedPost.Reply submitted =
        desk.submit(
            view,
            CAROL,
            new StateValues()
                .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
                .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "49.99")
                .plainText(ModalFields.NOTE, ModalFields.NOTE, "Here you go."));
    assertThat(submitted.status()).isEqualTo(200);
    Await.until(
        "the forged submission is refused",
        () ->
            desk.ephemeralTexts(CAROL).stream().filter(t -> t.contains("Only approvers")).count()
                == 3);
    desk.settle();

    assertThat(desk.sim.count("make-offer")).isZero();
    assertThat(desk.sim.count("accept-claim")).isZero();
    assertThat(desk.actions.inState(io.disputedesk.dispute.ActionStatus.IN_FLIGHT)).isEmpty();
    assertThat(desk.auditOf(id))
        .filteredOn(e -> e.outcome().equals("DENIED"))
        .extracting(e -> e.userId() + " " + e.action())
        .containsExactly(CAROL + " ACCEPT_CLAIM", CAROL + " MAKE_OFFER", CAROL + " MAKE_OFFER");
  }

  @Test
  void outsiderCannotMessageTheBuyer() {
    DeskDriver desk = DeskDriver.of(bot);
    String id = desk.dispute(claim());

    desk.click(CardAction.SEND_MESSAGE.buttonId(), id, DAVE);

    assertThat(desk.awaitEphemeral(DAVE, "Only agents and approvers can use *Send message*"))
        .contains("AGENTS (or APPROVERS)");
    assertThat(desk.slack.openViews(DAVE)).isEmpty();
    assertThat(desk.auditOf(id))
        .anySatisfy(
            e -> {
              assertThat(e.userId()).isEqualTo(DAVE);
              assertThat(e.outcome()).isEqualTo("DENIED");
            });
  }
}
