package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each PayPal rule of DISPUTES-API.md §7–§8 that a form can break is refused by the form first, on
 * the input it is about, through a signed view_submission to the running bot; nothing reaches
 * PayPal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormRulesTest {
  @RegisterExtension
  static final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  String snad;
  String inr;
  String service;
  String severalItems;
  String duplicate;

  @BeforeAll
  void start() {
    desk = DeskDriver.of(bot);
    snad =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("129.99", "GBP")
                .itemName("Merino wool sweater"));
    inr =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("60.00", "USD")
                .acceptClaimTypes("REFUND", "PARTIAL_REFUND"));
    service =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("80.00", "USD")
                .item("Online course", "SERVICE")
                .acceptClaimTypes("REFUND", "REFUND_WITH_RETURN"));
    severalItems =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("90.00", "USD")
                .item("Tent", "PRODUCT")
                .addItem("Sleeping bag", "PRODUCT"));
    duplicate =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.DUPLICATE_TRANSACTION)
                .stage(SimStage.CHARGEBACK)
                .amount("58.40", "USD"));
  }

  /** Every test here is refused inline: PayPal saw no action at all. */
  @AfterEach
  void nothingReachedPayPal() {
    desk.settle();
    assertThat(desk.sim.requests())
        .noneMatch(r -> r.method().equals("POST") && !r.operation().equals("token"));
  }

  private JsonNode errors(SignedPost.Reply reply) {
    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = desk.json(reply.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    return body.path("errors");
  }

  private static StateValues offer(String type, String amount) {
    return new StateValues()
        .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, type, type)
        .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, amount)
        .plainText(ModalFields.NOTE, ModalFields.NOTE, "Sorry about the sweater.");
  }

  /** The input block of a view, by block id. */
  private static JsonNode input(SlackView view, String block) {
    return StreamSupport.stream(view.blocks().spliterator(), false)
        .filter(b -> block.equals(b.path("block_id").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no input " + block + " in " + view.blocks()));
  }

  @Test
  void notAsDescribedRefundBelowTheDisputedAmountNeedsTheReturnAddress() {
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), snad, ALICE);
    assertThat(view.blocks().toString())
        .contains(
            "PayPal needs it for an offer below 129.99 GBP on a" + " not-as-described dispute");

    JsonNode errors = errors(desk.submit(view, ALICE, offer("REFUND", "12")));

    assertThat(errors.path(ModalFields.ADDRESS_LINE_1).asText())
        .contains("PayPal needs the return address for an offer below 129.99 GBP");
    assertThat(errors.path(ModalFields.AMOUNT).isMissingNode()).isTrue();
  }

  @Test
  void fullRefundTakesNoReturnAddress() {
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), snad, ALICE);

    JsonNode errors =
        errors(
            desk.submit(
                view,
                ALICE,
                offer("REFUND", "129.99")
                    .plainText(
                        ModalFields.ADDRESS_LINE_1, ModalFields.ADDRESS_LINE_1, "1 High Street")));

    assertThat(errors.path(ModalFields.ADDRESS_LINE_1).asText())
        .contains("no return address with an offer of the full 129.99 GBP");
  }

  @Test
  void refundWithReturnNeedsStreetCityAndCountryWhichAreRequiredInputs() {
    SlackView view =
        desk.openWith(
            CardAction.MAKE_OFFER.buttonId(),
            snad,
            ALICE,
            ModalFields.OFFER_TYPE,
            "REFUND_WITH_RETURN");
    for (String block :
        new String[] {ModalFields.ADDRESS_LINE_1, ModalFields.CITY, ModalFields.COUNTRY}) {
      assertThat(input(view, block).path("optional").asBoolean()).as(block).isFalse();
    }

    JsonNode errors = errors(desk.submit(view, ALICE, offer("REFUND_WITH_RETURN", "129.99")));

    assertThat(errors.path(ModalFields.ADDRESS_LINE_1).asText())
        .contains("needs the address the buyer sends");
    assertThat(errors.path(ModalFields.CITY).asText()).contains("city or town");
    assertThat(errors.path(ModalFields.COUNTRY).asText()).contains("two-letter country code");
  }

  @Test
  void aReturnAddressInACountryThatDoesNotExistIsRefusedOnTheCountry() {
    // Two letters are not enough: the buyer would be told to send the item to "Austin, XX".
    for (String code : new String[] {"XX", "uk"}) {
      SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), snad, ALICE);

      JsonNode errors =
          errors(
              desk.submit(
                  view,
                  ALICE,
                  offer("REFUND", "12")
                      .plainText(
                          ModalFields.ADDRESS_LINE_1, ModalFields.ADDRESS_LINE_1, "1 Main St")
                      .plainText(ModalFields.CITY, ModalFields.CITY, "Leeds")
                      .plainText(ModalFields.COUNTRY, ModalFields.COUNTRY, code)));

      assertThat(errors.path(ModalFields.COUNTRY).asText())
          .as(code)
          .startsWith("“" + code.toUpperCase(java.util.Locale.ROOT) + "” is not a country code")
          .contains("e.g. US, GB or DE");
      assertThat(errors.path(ModalFields.ADDRESS_LINE_1).isMissingNode()).isTrue();
    }
  }

  @Test
  void offerAmountIsARequiredInputWithoutAPrefilledValue() {
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), snad, ALICE);
    JsonNode amount = input(view, ModalFields.AMOUNT);
    assertThat(amount.path("optional").asBoolean()).isFalse();
    assertThat(amount.path("element").has("initial_value")).isFalse();
    assertThat(amount.path("hint").path("text").asText()).contains("The buyer disputed 129.99 GBP");

    JsonNode errors = errors(desk.submit(view, ALICE, offer("REFUND", null)));

    assertThat(errors.path(ModalFields.AMOUNT).asText()).isEqualTo("Enter an amount.");
  }

  @Test
  void replacementWithoutRefundTakesNoAmount() {
    SlackView refundForm = desk.open(CardAction.MAKE_OFFER.buttonId(), snad, ALICE);
    SlackView replacement =
        desk.openWith(
            CardAction.MAKE_OFFER.buttonId(),
            snad,
            ALICE,
            ModalFields.OFFER_TYPE,
            "REPLACEMENT_WITHOUT_REFUND");
    assertThat(replacement.blocks().toString()).doesNotContain(ModalFields.AMOUNT);

    // Picked just before the form was redrawn: the amount is still on it.
    JsonNode errors =
        errors(desk.submit(refundForm, ALICE, offer("REPLACEMENT_WITHOUT_REFUND", "20")));

    assertThat(errors.path(ModalFields.AMOUNT).asText()).contains("takes no amount");
  }

  @Test
  void partialRefundIsNotOfferedOnItemNotReceivedAndIsRefusedOnTheMenu() {
    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), inr, ALICE);
    assertThat(input(view, ModalFields.ACCEPT_TYPE).toString()).doesNotContain("PARTIAL_REFUND");
    assertThat(view.blocks().toString())
        .contains("PayPal takes no partial refund on an item-not-received dispute");

    JsonNode errors =
        errors(
            desk.submit(
                view,
                ALICE,
                new StateValues()
                    .staticSelect(
                        ModalFields.ACCEPT_TYPE,
                        ModalFields.ACCEPT_TYPE,
                        "PARTIAL_REFUND",
                        "Partial refund")
                    .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "20")
                    .plainText(ModalFields.NOTE, ModalFields.NOTE, "Part of it.")));

    assertThat(errors.path(ModalFields.ACCEPT_TYPE).asText())
        .contains("no partial refund on an item-not-received");
  }

  @Test
  void aServiceCannotBeAcceptedWithReturn() {
    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), service, ALICE);
    assertThat(input(view, ModalFields.ACCEPT_TYPE).toString())
        .doesNotContain("REFUND_WITH_RETURN");

    JsonNode errors =
        errors(
            desk.submit(
                view,
                ALICE,
                new StateValues()
                    .staticSelect(
                        ModalFields.ACCEPT_TYPE,
                        ModalFields.ACCEPT_TYPE,
                        "REFUND_WITH_RETURN",
                        "Return")
                    .plainText(ModalFields.NOTE, ModalFields.NOTE, "Send it back.")));

    assertThat(errors.path(ModalFields.ACCEPT_TYPE).asText()).contains("cannot be sent back");
  }

  @Test
  void acceptingTakesAReturnAddressOnlyWithARefundAfterReturn() {
    SlackView view =
        desk.openWith(
            CardAction.ACCEPT_CLAIM.buttonId(),
            snad,
            ALICE,
            ModalFields.ACCEPT_TYPE,
            "REFUND_WITH_RETURN");

    JsonNode errors =
        errors(
            desk.submit(
                view,
                ALICE,
                new StateValues()
                    .staticSelect(
                        ModalFields.ACCEPT_TYPE, ModalFields.ACCEPT_TYPE, "REFUND", "Full refund")
                    .plainText(ModalFields.NOTE, ModalFields.NOTE, "Refund.")
                    .plainText(
                        ModalFields.ADDRESS_LINE_1, ModalFields.ADDRESS_LINE_1, "1 High Street")));

    assertThat(errors.path(ModalFields.ADDRESS_LINE_1).asText())
        .contains("only with a refund after return");
  }

  @Test
  void proofOfFulfillmentNeedsCarrierAndTrackingWhichAreRequiredInputs() {
    SlackView view = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), inr, CAROL);
    assertThat(
            input(view, ModalFields.EVIDENCE_TYPE)
                .path("element")
                .path("initial_option")
                .path("value")
                .asText())
        .isEqualTo("PROOF_OF_FULFILLMENT");
    assertThat(input(view, ModalFields.CARRIER).path("optional").asBoolean()).isFalse();
    assertThat(input(view, ModalFields.TRACKING).path("optional").asBoolean()).isFalse();

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

    assertThat(errors.path(ModalFields.CARRIER).asText()).contains("needs the carrier");
    assertThat(errors.path(ModalFields.TRACKING).asText()).contains("needs the tracking number");
  }

  @Test
  void proofOfReturnNeedsTheReturnShipment() {
    SlackView view =
        desk.openWith(
            CardAction.PROVIDE_EVIDENCE.buttonId(),
            inr,
            CAROL,
            ModalFields.EVIDENCE_TYPE,
            "PROOF_OF_RETURN");
    assertThat(input(view, ModalFields.TRACKING).path("hint").path("text").asText())
        .contains("the return");

    JsonNode errors =
        errors(
            desk.submit(
                view,
                CAROL,
                new StateValues()
                    .staticSelect(
                        ModalFields.EVIDENCE_TYPE,
                        ModalFields.EVIDENCE_TYPE,
                        "PROOF_OF_RETURN",
                        "Return")
                    .plainText(ModalFields.CARRIER, ModalFields.CARRIER, "UPS")));

    assertThat(errors.path(ModalFields.TRACKING).asText())
        .isEqualTo("Proof of return needs the tracking number.");
  }

  @Test
  void evidenceOnAnOrderWithSeveralItemsNamesTheItem() {
    SlackView view = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), severalItems, CAROL);
    JsonNode picker = input(view, ModalFields.ITEM);
    assertThat(picker.path("optional").asBoolean()).isFalse();
    assertThat(picker.toString()).contains("Tent", "Sleeping bag");

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
                        "Fulfillment")
                    .plainText(ModalFields.CARRIER, ModalFields.CARRIER, "UPS")
                    .plainText(ModalFields.TRACKING, ModalFields.TRACKING, "1Z999AA10123456784")));

    assertThat(errors.path(ModalFields.ITEM).asText())
        .isEqualTo("Pick the item this evidence is about.");
  }

  @Test
  void proofOfFulfillmentIsNotOfferedWhereNothingWasShipped() {
    SlackView view = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), duplicate, CAROL);
    assertThat(input(view, ModalFields.EVIDENCE_TYPE).toString())
        .doesNotContain("PROOF_OF_FULFILLMENT");

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
                        "Fulfillment")
                    .plainText(ModalFields.CARRIER, ModalFields.CARRIER, "UPS")
                    .plainText(ModalFields.TRACKING, ModalFields.TRACKING, "1Z999AA10123456784")));

    assertThat(errors.path(ModalFields.EVIDENCE_TYPE).asText()).contains("no proof of fulfillment");
  }

  @Test
  void otherEvidenceNeedsNotesOrAFile() {
    SlackView view =
        desk.openWith(
            CardAction.PROVIDE_EVIDENCE.buttonId(), inr, CAROL, ModalFields.EVIDENCE_TYPE, "OTHER");
    assertThat(view.blocks().toString()).doesNotContain(ModalFields.CARRIER, ModalFields.REFUND_ID);

    JsonNode errors =
        errors(
            desk.submit(
                view,
                CAROL,
                new StateValues()
                    .staticSelect(
                        ModalFields.EVIDENCE_TYPE, ModalFields.EVIDENCE_TYPE, "OTHER", "Other")));

    assertThat(errors.path(ModalFields.NOTE).asText()).isEqualTo("Add notes or attach a file.");
  }
}
