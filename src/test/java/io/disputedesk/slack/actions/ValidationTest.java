package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inputs are checked before PayPal, and each mistake is shown on its own field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationTest {
  private static final long MB = 1024L * 1024;

  @RegisterExtension
  static final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  String usd;
  String yen;
  SlackView offer;
  SlackView acceptWithReturn;

  @BeforeAll
  void start() {
    desk = DeskDriver.of(bot);
    usd =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("49.99", "USD")
                .offerTypes("REFUND", "REFUND_WITH_RETURN")
                .acceptClaimTypes("REFUND", "REFUND_WITH_RETURN"));
    yen =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("5000", "JPY")
                .offerTypes("REFUND"));
    offer = desk.open(CardAction.MAKE_OFFER.buttonId(), usd, ALICE);
    acceptWithReturn =
        desk.openWith(
            CardAction.ACCEPT_CLAIM.buttonId(),
            usd,
            ALICE,
            ModalFields.ACCEPT_TYPE,
            "REFUND_WITH_RETURN");
  }

  private JsonNode errors(SignedPost.Reply reply) {
    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = desk.json(reply.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    return body.path("errors");
  }

  private JsonNode offerErrors(SlackView view, String amount, String note) {
    StateValues state =
        new StateValues()
            .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
            .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, amount)
            .plainText(ModalFields.NOTE, ModalFields.NOTE, note);
    return errors(desk.submit(view, ALICE, state));
  }

  @Test
  void amountsThatAreNotPlainPositiveNumbersAreRejectedOnTheAmountField() {
    assertThat(offerErrors(offer, "twenty", "n").path(ModalFields.AMOUNT).asText())
        .contains("as a number");
    assertThat(offerErrors(offer, "1,000", "n").path(ModalFields.AMOUNT).asText())
        .contains("as a number");
    assertThat(offerErrors(offer, "-5", "n").path(ModalFields.AMOUNT).asText())
        .contains("as a number");
    assertThat(offerErrors(offer, "0", "n").path(ModalFields.AMOUNT).asText())
        .contains("more than zero");
    assertThat(offerErrors(offer, "0.00", "n").path(ModalFields.AMOUNT).asText())
        .contains("more than zero");
    assertThat(offerErrors(offer, null, "n").path(ModalFields.AMOUNT).asText())
        .contains("Enter an amount");
  }

  @Test
  void moreDecimalsThanTheCurrencyAllowsAreRejected() {
    assertThat(offerErrors(offer, "10.123", "n").path(ModalFields.AMOUNT).asText())
        .isEqualTo("Use at most 2 decimals for USD.");
    SlackView yenOffer = desk.open(CardAction.MAKE_OFFER.buttonId(), yen, ALICE);
    assertThat(offerErrors(yenOffer, "100.5", "n").path(ModalFields.AMOUNT).asText())
        .isEqualTo("JPY amounts have no decimals.");
    assertThat(offerErrors(yenOffer, "99999", "n").path(ModalFields.AMOUNT).asText())
        .isEqualTo("PayPal allows at most 5,000 JPY here.");
  }

  @Test
  void amountAboveWhatPayPalAllowsIsRejected() {
    assertThat(offerErrors(offer, "50.00", "n").path(ModalFields.AMOUNT).asText())
        .isEqualTo("PayPal allows at most 49.99 USD here.");
  }

  @Test
  void emptyAndOverLongNotesAreRejectedOnTheNoteField() {
    assertThat(offerErrors(offer, "10", null).path(ModalFields.NOTE).asText())
        .startsWith("Write a note");
    assertThat(offerErrors(offer, "10", "   ").path(ModalFields.NOTE).asText())
        .startsWith("Write a note");
    assertThat(offerErrors(offer, "10", "x".repeat(2001)).path(ModalFields.NOTE).asText())
        .isEqualTo("Keep it to 2,000 characters (now 2,001).");
    SlackView message = desk.open(CardAction.SEND_MESSAGE.buttonId(), usd, CAROL);
    JsonNode tooLong =
        errors(
            desk.submit(
                message,
                CAROL,
                new StateValues()
                    .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, "é".repeat(2001))));
    assertThat(tooLong.path(ModalFields.MESSAGE).asText()).contains("2,000 characters");
  }

  @Test
  void returnRefundWithoutAnAddressNamesTheMissingParts() {
    JsonNode errors =
        errors(
            desk.submit(
                acceptWithReturn,
                ALICE,
                new StateValues()
                    .staticSelect(
                        ModalFields.ACCEPT_TYPE,
                        ModalFields.ACCEPT_TYPE,
                        "REFUND_WITH_RETURN",
                        "Return")
                    .plainText(ModalFields.NOTE, ModalFields.NOTE, "Send it back please.")
                    .plainText(ModalFields.COUNTRY, ModalFields.COUNTRY, "Germany")));
    assertThat(errors.path(ModalFields.ADDRESS_LINE_1).asText())
        .contains("address the item goes back to");
    assertThat(errors.path(ModalFields.CITY).asText()).contains("city or town");
    assertThat(errors.path(ModalFields.COUNTRY).asText()).contains("two-letter country code");
  }

  @Test
  void wrongFileTypesAndSizesAreRejectedOnTheFilesField() {
    SlackView view = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), usd, CAROL);
    String url = "http://127.0.0.1:1/files/F1/x";
    assertThat(
            evidenceFiles(
                    view,
                    List.of(
                        desk.fileJson(
                            "F1", "setup.exe", "application/x-msdownload", "exe", 10, url)))
                .asText())
        .contains("setup.exe is not a JPG, GIF, PNG or PDF file");
    assertThat(
            evidenceFiles(
                    view,
                    List.of(
                        desk.fileJson("F2", "scan.pdf", "application/pdf", "pdf", 10 * MB, url)))
                .asText())
        .contains("scan.pdf is 10 MB or more");
    List<ObjectNode> many = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      many.add(desk.fileJson("F" + i, "photo" + i + ".png", "image/png", "png", 9 * MB, url));
    }
    assertThat(evidenceFiles(view, many).asText()).contains("add up to 50 MB or more");
    assertThat(desk.sim.count("provide-evidence")).isZero();
  }

  private JsonNode evidenceFiles(SlackView view, List<ObjectNode> files) {
    return errors(
            desk.submit(
                view,
                CAROL,
                new StateValues()
                    .staticSelect(
                        ModalFields.EVIDENCE_TYPE, ModalFields.EVIDENCE_TYPE, "OTHER", "Other")
                    .plainText(ModalFields.NOTE, ModalFields.NOTE, "See attached.")
                    .fileInput(ModalFields.FILES, ModalFields.FILES, files)))
        .path(ModalFields.FILES);
  }

  @Test
  void proofOfFulfillmentNeedsCarrierAndTrackingNumber() {
    SlackView view = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), usd, CAROL);
    JsonNode errors =
        errors(
            desk.submit(
                view,
                CAROL,
                new StateValues()
                    .staticSelect(
                        ModalFields.EVIDENCE_TYPE,
                        ModalFields.EVIDENCE_TYPE,
                        "PROOF_OF_FULFILLMENT",
                        "Fulfillment")));
    assertThat(errors.path(ModalFields.CARRIER).asText()).contains("carrier");
    assertThat(errors.path(ModalFields.TRACKING).asText()).contains("tracking number");
    SlackView refundView =
        desk.openWith(
            CardAction.PROVIDE_EVIDENCE.buttonId(),
            usd,
            CAROL,
            ModalFields.EVIDENCE_TYPE,
            "PROOF_OF_REFUND");
    JsonNode refund =
        errors(
            desk.submit(
                refundView,
                CAROL,
                new StateValues()
                    .staticSelect(
                        ModalFields.EVIDENCE_TYPE,
                        ModalFields.EVIDENCE_TYPE,
                        "PROOF_OF_REFUND",
                        "Refund")));
    assertThat(refund.path(ModalFields.REFUND_ID).asText()).contains("refund's transaction ID");
  }

  @Test
  void nothingInvalidReachesPayPal() {
    offerErrors(offer, "abc", "n");
    desk.settle();
    assertThat(desk.sim.requests())
        .noneMatch(r -> r.method().equals("POST") && !r.operation().equals("token"));
    assertThat(desk.actions.inState(io.disputedesk.dispute.ActionStatus.IN_FLIGHT)).isEmpty();
  }
}
