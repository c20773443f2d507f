package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accept claim and Make offer from the card, end to end, under the approval threshold (100 USD).
 */
class MoneyActionsTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
  }

  @Test
  void acceptClaimRefundsTheBuyerOnceAndReportsInTheThread() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("49.99", "USD")
                .acceptClaimTypes("REFUND", "PARTIAL_REFUND"));

    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);
    assertThat(view.callbackId()).isEqualTo(CardAction.ACCEPT_CLAIM.viewId());
    SignedPost.Reply reply =
        desk.submit(
            view,
            ALICE,
            new StateValues()
                .staticSelect(
                    ModalFields.ACCEPT_TYPE, ModalFields.ACCEPT_TYPE, "REFUND", "Full refund")
                .plainText(
                    ModalFields.NOTE,
                    ModalFields.NOTE,
                    "Item arrived damaged; refunding in full."));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(desk.json(reply.body()).path("response_action").asText()).isEqualTo("update");
    Action done = desk.awaitAction(id, ActionRequest.AcceptClaim.ACTION, ActionStatus.SUCCEEDED);
    List<SimRequest> calls = desk.sim.requestsTo("accept-claim");
    assertThat(calls).hasSize(1);
    JsonNode body = desk.json(calls.get(0).bodyText());
    assertThat(body.path("note").asText()).isEqualTo("Item arrived damaged; refunding in full.");
    assertThat(body.path("accept_claim_type").asText()).isEqualTo("REFUND");
    assertThat(body.has("refund_amount")).isFalse();
    assertThat(calls.get(0).header("PayPal-Request-Id")).isEqualTo(done.requestId());
    assertThat(desk.awaitThread(id, "Accept claim"))
        .contains("<@" + ALICE + ">", "full refund of 49.99 USD", "PayPal accepted it");
    desk.awaitCardRefresh(id);
    assertThat(desk.disputes.find(id).orElseThrow().firstActionAt()).isNotNull();
    assertThat(desk.auditOf(id))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("ACCEPT_CLAIM");
              assertThat(e.outcome()).isEqualTo("SUCCEEDED");
              assertThat(e.userId()).isEqualTo(ALICE);
            });
  }

  @Test
  void partialRefundSendsTheTypedAmount() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("80.00", "USD")
                .acceptClaimTypes("REFUND", "PARTIAL_REFUND"));

    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);
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
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "Half the set was fine."));

    desk.awaitAction(id, ActionRequest.AcceptClaim.ACTION, ActionStatus.SUCCEEDED);
    JsonNode body = desk.json(desk.sim.requestsTo("accept-claim").get(0).bodyText());
    assertThat(body.path("refund_amount").path("value").asText()).isEqualTo("20.00");
    assertThat(body.path("refund_amount").path("currency_code").asText()).isEqualTo("USD");
    assertThat(desk.awaitThread(id, "Accept claim")).contains("partial refund of 20.00 USD");
    desk.awaitCardRefresh(id);
  }

  @Test
  void acceptClaimModalStatesTheRefundAndShowsWhatEachWayOfAcceptingNeeds() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("49.99", "USD")
                .acceptClaimTypes("REFUND", "PARTIAL_REFUND", "REFUND_WITH_RETURN"));

    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);

    // A full refund names its amount in the form and asks for neither an amount nor an address.
    String blocks = view.blocks().toString();
    assertThat(blocks)
        .contains(
            "refunds *49.99 USD*",
            "Full refund",
            "Partial refund",
            "Refund after the item is returned")
        .doesNotContain(ModalFields.AMOUNT, ModalFields.ADDRESS_LINE_1);
    assertThat(ModalContext.parse(desk.mapper, view.privateMetadata()).orElseThrow().disputeId())
        .isEqualTo(id);
    SlackView partial =
        desk.openWith(
            CardAction.ACCEPT_CLAIM.buttonId(),
            id,
            ALICE,
            ModalFields.ACCEPT_TYPE,
            "PARTIAL_REFUND");
    assertThat(partial.blocks().toString())
        .contains(ModalFields.AMOUNT)
        .doesNotContain("initial_value", ModalFields.ADDRESS_LINE_1);
    SlackView withReturn =
        desk.openWith(
            CardAction.ACCEPT_CLAIM.buttonId(),
            id,
            ALICE,
            ModalFields.ACCEPT_TYPE,
            "REFUND_WITH_RETURN");
    assertThat(withReturn.blocks().toString())
        .contains(ModalFields.ADDRESS_LINE_1)
        .doesNotContain(ModalFields.AMOUNT);
  }

  @Test
  void makeOfferSendsTypeAmountAndNote() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("60.00", "USD")
                .offerTypes("REFUND", "REPLACEMENT_WITHOUT_REFUND"));

    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), id, BOB);
    // Not pre-filled: left alone, the amount would have been a full refund. The hint suggests it.
    assertThat(view.blocks().toString())
        .doesNotContain("initial_value")
        .contains("The buyer disputed 60.00 USD");
    desk.submit(
        view,
        BOB,
        new StateValues()
            .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
            .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "45.50")
            .plainText(
                ModalFields.NOTE,
                ModalFields.NOTE,
                "Sorry for the delay, here is most of it back."));

    desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.SUCCEEDED);
    JsonNode body = desk.json(desk.sim.requestsTo("make-offer").get(0).bodyText());
    assertThat(body.path("offer_type").asText()).isEqualTo("REFUND");
    assertThat(body.path("offer_amount").path("value").asText()).isEqualTo("45.50");
    assertThat(body.path("note").asText())
        .isEqualTo("Sorry for the delay, here is most of it back.");
    assertThat(desk.awaitThread(id, "Make offer"))
        .contains("<@" + BOB + ">", "refund of 45.50 USD");
    desk.awaitCardRefresh(id);
  }

  @Test
  void replacementOfferShowsNoAmountAndSendsNone() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("60.00", "USD")
                .offerTypes("REFUND", "REPLACEMENT_WITHOUT_REFUND"));

    SlackView view =
        desk.openWith(
            CardAction.MAKE_OFFER.buttonId(),
            id,
            BOB,
            ModalFields.OFFER_TYPE,
            "REPLACEMENT_WITHOUT_REFUND");
    assertThat(view.blocks().toString()).doesNotContain(ModalFields.AMOUNT);
    desk.submit(
        view,
        BOB,
        new StateValues()
            .staticSelect(
                ModalFields.OFFER_TYPE,
                ModalFields.OFFER_TYPE,
                "REPLACEMENT_WITHOUT_REFUND",
                "Replacement")
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "We'll send a new one today."));

    desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.SUCCEEDED);
    JsonNode body = desk.json(desk.sim.requestsTo("make-offer").get(0).bodyText());
    assertThat(body.path("offer_type").asText()).isEqualTo("REPLACEMENT_WITHOUT_REFUND");
    assertThat(body.has("offer_amount")).isFalse();
  }

  @Test
  void payPalRefusalIsReportedInPlainWordsWithTheDebugId() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("49.99", "USD")
                .acceptClaimTypes("REFUND"));
    desk.sim.failNext("accept-claim", 422, 1);

    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);
    desk.submit(
        view,
        ALICE,
        new StateValues()
            .staticSelect(ModalFields.ACCEPT_TYPE, ModalFields.ACCEPT_TYPE, "REFUND", "Full refund")
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "Refund."));

    Action failed = desk.awaitAction(id, ActionRequest.AcceptClaim.ACTION, ActionStatus.FAILED);
    assertThat(failed.debugId()).isNotBlank();
    String report = desk.awaitThread(id, "did not go through");
    assertThat(report)
        .contains("PayPal refused this action on the dispute.", "debug id " + failed.debugId());
    assertThat(desk.sim.count("accept-claim")).isEqualTo(1);
    assertThat(desk.auditOf(id))
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo("FAILED");
              assertThat(e.debugId()).isEqualTo(failed.debugId());
            });
  }
}
