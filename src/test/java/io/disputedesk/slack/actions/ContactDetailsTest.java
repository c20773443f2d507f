package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Contact details from the card's overflow menu: the modal, PayPal's PATCH, the thread, the
 * safeguards.
 */
class ContactDetailsTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  String id;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    id = desk.dispute(SimDisputeSpec.builder().stage(SimStage.INQUIRY));
  }

  @Test
  void anAgentSetsThemFromTheOverflowAndPayPalGetsOnePatch() throws Exception {
    SlackView view = openFromOverflow(CAROL);
    assertThat(view.callbackId()).isEqualTo(CardAction.UPDATE_CONTACT_DETAILS.viewId());
    assertThat(view.blocks().toString())
        .contains("Email address", ModalFields.EMAIL, ModalFields.NOTE);

    SignedPost.Reply reply =
        desk.submit(view, CAROL, contact("disputes@shop.example", "Photos welcome here."));

    assertThat(reply.status()).isEqualTo(200);
    Action done =
        desk.awaitAction(id, ActionRequest.UpdateContactDetails.ACTION, ActionStatus.SUCCEEDED);
    assertThat(done.requestedBy()).isEqualTo(CAROL);
    SimRequest patch = desk.sim.requestsTo("patch").get(0);
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.header("PayPal-Request-Id")).isEqualTo(done.requestId());
    assertThat(desk.json(patch.bodyText()))
        .isEqualTo(
            desk.json(
                """
        [{"op":"add","path":"/communication_details","value":{"email":"disputes@shop.example",
          "note":"Photos welcome here."}}]"""));
    assertThat(desk.awaitThread(id, "Contact details"))
        .contains("<@" + CAROL + ">", "disputes@shop.example", "“Photos welcome here.”");
    JsonNode details = desk.sim.get(id).path("communication_details");
    assertThat(details.path("email").asText()).isEqualTo("disputes@shop.example");
    assertThat(desk.sim.count("patch")).isEqualTo(1);
    desk.awaitCardRefresh(id);
  }

  @Test
  void theModalShowsWhatPayPalHasNow() {
    desk.submit(openFromOverflow(CAROL), CAROL, contact("first@shop.example", "First note."));
    desk.awaitAction(id, ActionRequest.UpdateContactDetails.ACTION, ActionStatus.SUCCEEDED);
    desk.awaitCardRefresh(id);
    desk.settle();

    SlackView again = openFromOverflow(CAROL);

    assertThat(again.blocks().toString())
        .contains("\"initial_value\":\"first@shop.example\"", "\"initial_value\":\"First note.\"");
  }

  @Test
  void aWrongEmailIsShownOnItsFieldAndNothingIsSent() {
    SignedPost.Reply reply = desk.submit(openFromOverflow(CAROL), CAROL, contact("nobody", null));

    JsonNode body = desk.json(reply.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    assertThat(body.path("errors").path(ModalFields.EMAIL).asText())
        .contains("not an email address");
    desk.settle();
    assertThat(desk.sim.count("patch")).isZero();
  }

  @Test
  void someoneWithoutTheAgentRoleIsRefusedAndAudited() {
    desk.post.send(
        desk.clickBody(Ids.MORE_ACTIONS, id, DAVE)
            .overflowChoice(CardAction.UPDATE_CONTACT_DETAILS.buttonId() + ":" + id)
            .body());

    assertThat(desk.awaitEphemeral(DAVE, "Only agents and approvers can use *Contact details*"))
        .contains("AGENTS (or APPROVERS)");
    assertThat(desk.slack.openViews(DAVE)).isEmpty();
    desk.settle();
    assertThat(desk.auditOf(id))
        .anySatisfy(
            e -> {
              assertThat(e.userId()).isEqualTo(DAVE);
              assertThat(e.action()).isEqualTo("UPDATE_CONTACT_DETAILS");
              assertThat(e.outcome()).isEqualTo("DENIED");
            });
    assertThat(desk.sim.count("patch")).isZero();
  }

  @Test
  void aLostAnswerIsSettledByReadingTheDisputeNotByPatchingAgain() {
    desk.sim.hangNext("patch");

    desk.submit(openFromOverflow(CAROL), CAROL, contact("lost@shop.example", null));

    Action done =
        desk.awaitAction(id, ActionRequest.UpdateContactDetails.ACTION, ActionStatus.SUCCEEDED);
    assertThat(done.outcome()).contains("PayPal shows the new contact details");
    assertThat(desk.awaitThread(id, "went through")).contains("PayPal's answer was lost");
    assertThat(desk.sim.count("patch")).isEqualTo(1);
  }

  private SlackView openFromOverflow(String user) {
    SlackView view =
        desk.openFromOverflow(CardAction.UPDATE_CONTACT_DETAILS.buttonId() + ":" + id, id, user);
    desk.slack.closeViews(user);
    return view;
  }

  private static StateValues contact(String email, String note) {
    StateValues state = new StateValues().plainText(ModalFields.EMAIL, ModalFields.EMAIL, email);
    return note == null ? state : state.plainText(ModalFields.NOTE, ModalFields.NOTE, note);
  }
}
