package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ActionDesk.ALICE;
import static io.disputedesk.slack.actions.ActionDesk.CAROL;
import static io.disputedesk.slack.actions.ActionDesk.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.CardAction;
import io.disputedesk.slack.Ids;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles are checked on the server from the Slack user of each click and submission. */
class ActionPermissionsTest {
  @TempDir Path dir;

  private static SimDisputeSpec.Builder claim() {
    return SimDisputeSpec.builder()
        .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
        .amount("49.99", "USD")
        .offerTypes("REFUND")
        .acceptClaimTypes("REFUND");
  }

  @Test
  void agentCannotAcceptOrOfferAndNothingReachesPayPal() {
    try (ActionDesk desk = new ActionDesk(dir)) {
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
      ActionDesk.await(
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
  }

  @Test
  void outsiderCannotMessageTheBuyer() {
    try (ActionDesk desk = new ActionDesk(dir)) {
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

  @Test
  void emptyRoleListsExplainHowToConfigureThemAndDoNothing() {
    try (ActionDesk desk =
        new ActionDesk(dir, ActionDesk.Settings.defaults().roles(List.of(), List.of()))) {
      String id = desk.dispute(claim());

      desk.click(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);
      desk.click(Ids.ASSIGN_ME, id, ALICE);

      assertThat(desk.awaitEphemeral(ALICE, "No one has this permission yet"))
          .contains("APPROVERS", "Slack user ids (U…) or user-group ids (S…)");
      ActionDesk.await("both refusals", () -> desk.ephemeralTexts(ALICE).size() == 2);
      assertThat(desk.ephemeralTexts(ALICE))
          .anySatisfy(t -> assertThat(t).contains("AGENTS (or APPROVERS)"));
      assertThat(desk.slack.openViews(ALICE)).isEmpty();
      assertThat(desk.owners.owner(id)).isEmpty();
      assertThat(desk.sim.requests())
          .noneMatch(r -> r.method().equals("POST") && !r.operation().equals("token"));
    }
  }
}
