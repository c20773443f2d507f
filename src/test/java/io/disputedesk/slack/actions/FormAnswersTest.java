package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackClient;
import io.disputedesk.testing.StateValues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A submitted form stays open while PayPal answers: "Sending to PayPal…" at once, then the outcome
 * in the same modal (or the form again with PayPal's refusal on its field), or an ephemeral note
 * when the person closed it; the card's thread records every attempt.
 */
class FormAnswersTest {
  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(DeskOptions.forActions().with("APPROVAL_THRESHOLD", "USD:100,GBP:100"));

  DeskDriver desk;
  SlackClient client;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    client = new SlackClient(desk);
  }

  private String sweater() {
    return desk.dispute(
        SimDisputeSpec.builder()
            .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
            .amount("129.99", "GBP")
            .itemName("Merino wool sweater"));
  }

  private static StateValues partialRefundReturnedTo(String street) {
    return new StateValues()
        .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
        .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "12")
        .plainText(
            ModalFields.NOTE, ModalFields.NOTE, "Sorry about the hole: part of your money back.")
        .plainText(ModalFields.ADDRESS_LINE_1, ModalFields.ADDRESS_LINE_1, street)
        .plainText(ModalFields.CITY, ModalFields.CITY, "London")
        .plainText(ModalFields.COUNTRY, ModalFields.COUNTRY, "gb");
  }

  private static List<String> blockIds(SlackView view) {
    return StreamSupport.stream(view.blocks().spliterator(), false)
        .map(b -> b.path("block_id").asText())
        .toList();
  }

  @Test
  void theFormSaysSendingThenShowsWhatPayPalAcceptedAndTheThreadRecordsIt() {
    String id = sweater();
    SlackView form = desk.openForm(CardAction.MAKE_OFFER.buttonId(), id, ALICE);

    SignedPost.Reply reply = client.submit(form, ALICE, partialRefundReturnedTo("1 High Street"));

    JsonNode ack = desk.json(reply.body());
    assertThat(ack.path("response_action").asText()).isEqualTo("update");
    assertThat(ack.path("view").toString())
        .contains("Sending to PayPal", "refund of 12.00 GBP")
        .doesNotContain("\"submit\"");
    SlackView done = client.awaitView(form.id(), "PayPal accepted it");
    assertThat(done.blocks().toString())
        .contains("Make offer", "refund of 12.00 GBP", "return to 1 High Street, London, GB");
    assertThat(desk.slack.openViews(ALICE)).extracting(SlackView::id).containsExactly(form.id());
    JsonNode sent = desk.json(desk.sim.requestsTo("make-offer").get(0).bodyText());
    assertThat(sent.path("return_shipping_address").path("address_line_1").asText())
        .isEqualTo("1 High Street");
    assertThat(sent.path("return_shipping_address").path("country_code").asText()).isEqualTo("GB");
    assertThat(desk.awaitThread(id, "PayPal accepted it"))
        .contains("refund of 12.00 GBP, return to 1 High Street");
  }

  @Test
  void aRefusalPayPalTiesToAFieldBringsTheFormBackWithTheErrorUnderItAndTheValuesKept() {
    String id = sweater();
    SlackView form = desk.openForm(CardAction.MAKE_OFFER.buttonId(), id, ALICE);
    desk.sim.refuseNext(
        "make-offer",
        "INVALID_RETURN_SHIPPING_ADDRESS_FORMAT",
        "/return_shipping_address/postal_code");

    client.submit(
        form,
        ALICE,
        partialRefundReturnedTo("1 High Street")
            .plainText(ModalFields.POSTAL_CODE, ModalFields.POSTAL_CODE, "NOPE"));

    SlackView again = client.awaitView(form.id(), ResultViews.ERROR_BLOCK);
    Action failed = desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.FAILED);
    List<String> ids = blockIds(again);
    assertThat(ids.indexOf(ResultViews.ERROR_BLOCK))
        .isEqualTo(ids.indexOf(ModalFields.POSTAL_CODE) + 1);
    String blocks = again.blocks().toString();
    assertThat(blocks)
        .contains(
            "PayPal could not read the return address",
            "debug id " + failed.debugId(),
            "\"initial_value\":\"12\"",
            "\"initial_value\":\"NOPE\"",
            "Sorry about the hole");
    assertThat(again.json().path("submit").path("text").asText()).isEqualTo("Send offer");
    assertThat(desk.awaitThread(id, "did not go through"))
        .contains("PayPal could not read the return address");

    // Corrected and sent again from the same modal: a new try, which PayPal takes.
    SignedPost.Reply retry =
        client.submit(
            again,
            ALICE,
            partialRefundReturnedTo("1 High Street")
                .plainText(ModalFields.POSTAL_CODE, ModalFields.POSTAL_CODE, "SW1A 1AA"));

    assertThat(desk.json(retry.body()).path("response_action").asText()).isEqualTo("update");
    client.awaitView(form.id(), "PayPal accepted it");
    Action done = desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.SUCCEEDED);
    assertThat(done.id()).isNotEqualTo(failed.id());
    assertThat(desk.sim.count("make-offer")).isEqualTo(2);
  }

  @Test
  void theSimulatorsOwnAmountRuleIsShownOnTheAmount() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("60.00", "USD"));
    SlackView form = desk.openForm(CardAction.MAKE_OFFER.buttonId(), id, ALICE);
    // PayPal lowered what may be refunded; the bot has not read it yet.
    desk.sim.changeDisputedAmount(id, new BigDecimal("40.00"));

    client.submit(
        form,
        ALICE,
        new StateValues()
            .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
            .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "50")
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "Most of it back."));

    SlackView again = client.awaitView(form.id(), ResultViews.ERROR_BLOCK);
    List<String> ids = blockIds(again);
    assertThat(ids.indexOf(ResultViews.ERROR_BLOCK)).isEqualTo(ids.indexOf(ModalFields.AMOUNT) + 1);
    assertThat(again.blocks().toString())
        .contains("more than PayPal allows refunding", "up to 40.00 USD");
  }

  @Test
  void aRefusalOfTheWholeActionIsShownInPlainWordsWithTheDebugId() {
    String id = sweater();
    SlackView form = desk.openForm(CardAction.MAKE_OFFER.buttonId(), id, ALICE);
    desk.sim.failNext("make-offer", 422, 1);

    client.submit(form, ALICE, partialRefundReturnedTo("1 High Street"));

    SlackView refused = client.awaitView(form.id(), "PayPal did not accept it");
    Action failed = desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.FAILED);
    assertThat(failed.debugId()).isNotBlank();
    assertThat(refused.blocks().toString())
        .contains(
            "PayPal refused this action on the dispute.",
            "debug id " + failed.debugId(),
            "Nothing was changed")
        .doesNotContain(ModalFields.AMOUNT);
    assertThat(desk.awaitThread(id, "did not go through")).contains(failed.debugId());
  }

  @Test
  void whenTheFormWasClosedTheAnswerComesAsAnEphemeralNoteInTheCardsChannel() {
    String id = sweater();
    SlackView form = desk.openForm(CardAction.MAKE_OFFER.buttonId(), id, ALICE);
    desk.sim.delayActions(Duration.ofSeconds(2));

    client.submit(form, ALICE, partialRefundReturnedTo("1 High Street"));
    desk.slack.closeViews(ALICE);

    String note = desk.awaitEphemeral(ALICE, "PayPal accepted it");
    assertThat(note).contains(id, "refund of 12.00 GBP");
    assertThat(desk.slack.ephemerals(ALICE))
        .anySatisfy(e -> assertThat(e.channel()).isEqualTo(DeskDriver.CHANNEL));
    assertThat(desk.slack.calls("views.update")).isNotEmpty();
    desk.awaitThread(id, "PayPal accepted it");
  }

  @Test
  void aRequestHeldForApprovalSaysItWaitsForASecondApprover() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("250.00", "USD"));
    SlackView form = desk.openForm(CardAction.MAKE_OFFER.buttonId(), id, ALICE);

    client.submit(
        form,
        ALICE,
        new StateValues()
            .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
            .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "150")
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "Most of it."));

    SlackView waiting = client.awaitView(form.id(), "Waiting for a second approver");
    assertThat(waiting.blocks().toString()).contains("another approver");
    desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.AWAITING_APPROVAL);
    assertThat(desk.sim.count("make-offer")).isZero();
  }

  @Test
  void evidenceSuccessNamesTheTrackingNumberCarrierItemAndFiles() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("90.00", "USD")
                .item("Tent", "PRODUCT")
                .addItem("Sleeping bag", "PRODUCT"));
    SlackView form = desk.openForm(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    String item =
        StreamSupport.stream(form.blocks().spliterator(), false)
            .filter(b -> ModalFields.ITEM.equals(b.path("block_id").asText()))
            .findFirst()
            .orElseThrow()
            .path("element")
            .path("options")
            .get(1)
            .path("value")
            .asText();

    client.submit(
        form,
        CAROL,
        new StateValues()
            .staticSelect(
                ModalFields.EVIDENCE_TYPE,
                ModalFields.EVIDENCE_TYPE,
                "PROOF_OF_FULFILLMENT",
                "Fulfillment")
            .staticSelect(ModalFields.ITEM, ModalFields.ITEM, item, "Sleeping bag")
            .plainText(ModalFields.CARRIER, ModalFields.CARRIER, "Evri")
            .plainText(ModalFields.TRACKING, ModalFields.TRACKING, "H01HYA0012345678")
            .fileInput(
                ModalFields.FILES,
                ModalFields.FILES,
                List.of(
                    desk.attached(
                        CAROL,
                        "pod.pdf",
                        "application/pdf",
                        "%PDF-1.4 proof".getBytes(StandardCharsets.US_ASCII)))));

    SlackView done = client.awaitView(form.id(), "PayPal accepted it");
    String line =
        "proof of fulfillment (tracking H01HYA0012345678 with Evri, item "
            + item
            + "); file pod.pdf";
    assertThat(done.blocks().toString()).contains(line);
    assertThat(desk.awaitThread(id, "PayPal accepted it")).contains(line);
    String body = desk.sim.requestsTo("provide-evidence").get(0).bodyText();
    assertThat(body)
        .contains(
            "\"carrier_name\":\"OTHER\"",
            "\"carrier_name_other\":\"Evri\"",
            "\"item_id\":\"" + item + "\"",
            "filename=\"pod.pdf\"");
  }
}
