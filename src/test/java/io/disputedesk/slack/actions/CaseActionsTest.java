package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimOutcome;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.StateValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The actions that argue the case, end to end: message, evidence, escalate, return, appeal,
 * supporting info.
 */
class CaseActionsTest {
  private static final byte[] PDF = "%PDF-1.4 proof of postage".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG =
      new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
  }

  @Test
  void messageWithAnAttachmentReachesTheBuyerAsMultipart() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED));

    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);
    assertThat(view.blocks().toString()).contains("2,000 characters at most", "file_input");
    desk.submit(
        view,
        CAROL,
        new StateValues()
            .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, "Here is the postage receipt.")
            .fileInput(
                ModalFields.FILES,
                ModalFields.FILES,
                List.of(desk.attached(CAROL, "receipt.pdf", "application/pdf", PDF))));

    desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);
    SimRequest call = desk.sim.requestsTo("send-message").get(0);
    assertThat(call.header("Content-Type")).startsWith("multipart/form-data");
    assertThat(call.bodyText())
        .contains(
            "Here is the postage receipt.",
            "filename=\"receipt.pdf\"",
            "%PDF-1.4 proof of postage");
    assertThat(desk.awaitThread(id, "Send message"))
        .contains("<@" + CAROL + ">", "“Here is the postage receipt.”");
    desk.awaitCardRefresh(id);
  }

  @Test
  void evidenceModalPreselectsWhatPayPalAskedForAndSendsTrackingWithFiles() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .requestedEvidence("PROOF_OF_FULFILLMENT"));

    SlackView view = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    JsonNode select = element(view, ModalFields.EVIDENCE_TYPE);
    assertThat(select.path("initial_option").path("value").asText())
        .isEqualTo("PROOF_OF_FULFILLMENT");
    assertThat(view.blocks().toString()).contains("PayPal asked for: *Proof of fulfillment*");
    desk.submit(
        view,
        CAROL,
        new StateValues()
            .staticSelect(
                ModalFields.EVIDENCE_TYPE,
                ModalFields.EVIDENCE_TYPE,
                "PROOF_OF_FULFILLMENT",
                "Fulfillment")
            .plainText(ModalFields.CARRIER, ModalFields.CARRIER, "ups")
            .plainText(ModalFields.TRACKING, ModalFields.TRACKING, "1Z999AA10123456784")
            .plainText(
                ModalFields.NOTE, ModalFields.NOTE, "Delivered on the 3rd, signed by the buyer.")
            .fileInput(
                ModalFields.FILES,
                ModalFields.FILES,
                List.of(
                    desk.attached(CAROL, "pod.pdf", "application/pdf", PDF),
                    desk.attached(CAROL, "parcel.png", "image/png", PNG))));

    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    String body = desk.sim.requestsTo("provide-evidence").get(0).bodyText();
    assertThat(body)
        .contains(
            "\"carrier_name\":\"UPS\"",
            "\"tracking_number\":\"1Z999AA10123456784\"",
            "filename=\"pod.pdf\"",
            "filename=\"parcel.png\"");
    assertThat(desk.awaitThread(id, "Provide evidence")).contains("proof of fulfillment");
    desk.awaitCardRefresh(id);
    assertThat(desk.disputes.find(id).orElseThrow().dispute().evidences())
        .anySatisfy(e -> assertThat(e.evidenceType()).isEqualTo("PROOF_OF_FULFILLMENT"));
  }

  @Test
  void evidenceModalIsPrefilledWithTheTrackingPayPalHoldsAndShowsTheFullAddress() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .requestedEvidence("PROOF_OF_FULFILLMENT")
                .shipTo("12 Harbour Road", "Portland", "OR", "97201", "US")
                .tracker("UPS", "1Z999AA10123456784", "DELIVERED"));

    SlackView view = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    assertThat(
            element(view, ModalFields.EVIDENCE_TYPE).path("initial_option").path("value").asText())
        .isEqualTo("PROOF_OF_FULFILLMENT");
    assertThat(element(view, ModalFields.CARRIER).path("initial_value").asText()).isEqualTo("UPS");
    assertThat(element(view, ModalFields.TRACKING).path("initial_value").asText())
        .isEqualTo("1Z999AA10123456784");
    assertThat(view.blocks().toString())
        .contains(
            "Shipped to:",
            "12 Harbour Road",
            "Portland, OR 97201, US",
            "the tracking PayPal holds");
    // The address is for the modal only: the card in the channel never shows the street.
    assertThat(desk.slack.message(DeskDriver.CHANNEL, desk.cardTs(id)).orElseThrow().toString())
        .doesNotContain("12 Harbour Road");

    // Sending the form as pre-filled sends PayPal's own tracking back as proof of fulfilment.
    desk.submit(
        view,
        CAROL,
        new StateValues()
            .staticSelect(
                ModalFields.EVIDENCE_TYPE,
                ModalFields.EVIDENCE_TYPE,
                "PROOF_OF_FULFILLMENT",
                "Fulfillment")
            .plainText(
                ModalFields.CARRIER,
                ModalFields.CARRIER,
                element(view, ModalFields.CARRIER).path("initial_value").asText())
            .plainText(
                ModalFields.TRACKING,
                ModalFields.TRACKING,
                element(view, ModalFields.TRACKING).path("initial_value").asText())
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "Delivered, see the tracking."));
    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.sim.requestsTo("provide-evidence").get(0).bodyText())
        .contains("\"carrier_name\":\"UPS\"", "\"tracking_number\":\"1Z999AA10123456784\"");
  }

  @Test
  void withoutTrackingAtPayPalTheTrackingInputsStayEmptyAndAClearedInputStaysCleared() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .requestedEvidence("PROOF_OF_FULFILLMENT")
                .noTracker());

    SlackView view = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    assertThat(element(view, ModalFields.TRACKING).has("initial_value")).isFalse();
    assertThat(view.blocks().toString()).doesNotContain("the tracking PayPal holds");

    String tracked =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .requestedEvidence("OTHER")
                .tracker("USPS", "9400111899223", "SHIPPED"));
    SlackView other = desk.openForm(CardAction.PROVIDE_EVIDENCE.buttonId(), tracked, CAROL);
    assertThat(other.blocks().toString())
        .doesNotContain("\"block_id\":\"" + ModalFields.TRACKING + "\"");
    // Picking proof of fulfilment shows the tracking inputs, filled in with what PayPal holds.
    SlackView redrawn =
        desk.choose(
            other,
            CAROL,
            ModalFields.EVIDENCE_TYPE,
            "PROOF_OF_FULFILLMENT",
            new StateValues().plainText(ModalFields.NOTE, ModalFields.NOTE, "typed first"));
    assertThat(element(redrawn, ModalFields.CARRIER).path("initial_value").asText())
        .isEqualTo("USPS");
    assertThat(element(redrawn, ModalFields.TRACKING).path("initial_value").asText())
        .isEqualTo("9400111899223");
    assertThat(element(redrawn, ModalFields.NOTE).path("initial_value").asText())
        .isEqualTo("typed first");
    // A tracking number the person emptied is not filled in again when the form is redrawn.
    SlackView emptied =
        desk.choose(
            redrawn,
            CAROL,
            ModalFields.EVIDENCE_TYPE,
            "PROOF_OF_FULFILLMENT",
            new StateValues()
                .plainText(ModalFields.CARRIER, ModalFields.CARRIER, "USPS")
                .plainText(ModalFields.TRACKING, ModalFields.TRACKING, ""));
    assertThat(element(emptied, ModalFields.CARRIER).path("initial_value").asText())
        .isEqualTo("USPS");
    assertThat(element(emptied, ModalFields.TRACKING).path("initial_value").asText("")).isEmpty();
  }

  @Test
  void escalateTurnsTheInquiryIntoAClaim() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED));

    SlackView view = desk.open(CardAction.ESCALATE.buttonId(), id, CAROL);
    desk.submit(
        view,
        CAROL,
        new StateValues()
            .plainText(
                ModalFields.NOTE, ModalFields.NOTE, "Tracking proves delivery; please decide."));

    desk.awaitAction(id, ActionRequest.Escalate.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.json(desk.sim.requestsTo("escalate").get(0).bodyText()).path("note").asText())
        .isEqualTo("Tracking proves delivery; please decide.");
    desk.awaitThread(id, "Escalate to claim");
    desk.awaitCardRefresh(id);
  }

  @Test
  void acknowledgingTheReturnedItemClosesTheCase() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .returnShipped("REFUND_WITH_RETURN", "49.99"));

    SlackView view = desk.open(CardAction.ACKNOWLEDGE_RETURN_ITEM.buttonId(), id, CAROL);
    desk.submit(
        view,
        CAROL,
        new StateValues()
            .staticSelect(
                ModalFields.ACK_TYPE, ModalFields.ACK_TYPE, "ITEM_RECEIVED", "Item received")
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "Came back in good shape."));

    desk.awaitAction(id, ActionRequest.AcknowledgeReturnItem.ACTION, ActionStatus.SUCCEEDED);
    JsonNode body = desk.json(desk.sim.requestsTo("acknowledge-return-item").get(0).bodyText());
    assertThat(body.path("acknowledgement_type").asText()).isEqualTo("ITEM_RECEIVED");
    desk.awaitThread(id, "Acknowledge return");
    desk.awaitCardRefresh(id);
    assertThat(desk.disputes.find(id).orElseThrow().dispute().status())
        .isEqualTo(DisputeStatus.RESOLVED);
  }

  @Test
  void approverAppealsADecidedClaim() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.UNAUTHORISED)
                .stage(SimStage.CHARGEBACK)
                .resolved(SimOutcome.RESOLVED_BUYER_FAVOUR, null, true));

    desk.click(CardAction.APPEAL.buttonId(), id, CAROL);
    desk.awaitEphemeral(CAROL, "Only approvers can use *Appeal*");
    SlackView view = desk.open(CardAction.APPEAL.buttonId(), id, ALICE);
    desk.submit(
        view,
        ALICE,
        new StateValues()
            .staticSelect(
                ModalFields.EVIDENCE_TYPE,
                ModalFields.EVIDENCE_TYPE,
                "APPEAL_AFFIDAVIT",
                "Appeal affidavit")
            .plainText(
                ModalFields.NOTE, ModalFields.NOTE, "The card holder signed for the delivery."));

    desk.awaitAction(id, ActionRequest.Appeal.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.sim.requestsTo("appeal").get(0).bodyText()).contains("APPEAL_AFFIDAVIT");
    desk.awaitThread(id, "Appeal");
    desk.awaitCardRefresh(id);
  }

  @Test
  void supportingInfoGoesToPayPalsReviewers() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.UNAUTHORISED)
                .stage(SimStage.CHARGEBACK)
                .status(SimStatus.UNDER_REVIEW));

    SlackView view = desk.open(CardAction.PROVIDE_SUPPORTING_INFO.buttonId(), id, CAROL);
    desk.submit(
        view,
        CAROL,
        new StateValues()
            .plainText(
                ModalFields.NOTE, ModalFields.NOTE, "The IP address matches earlier orders."));

    desk.awaitAction(id, ActionRequest.ProvideSupportingInfo.ACTION, ActionStatus.SUCCEEDED);
    assertThat(
            desk.json(desk.sim.requestsTo("provide-supporting-info").get(0).bodyText())
                .path("notes")
                .asText())
        .isEqualTo("The IP address matches earlier orders.");
    desk.awaitThread(id, "Provide supporting info");
    desk.awaitCardRefresh(id);
  }

  private static JsonNode element(SlackView view, String blockId) {
    for (JsonNode block : view.blocks()) {
      if (blockId.equals(block.path("block_id").asText())) {
        return block.path("element");
      }
    }
    throw new AssertionError("no block " + blockId);
  }
}
