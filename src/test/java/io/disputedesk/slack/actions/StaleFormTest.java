package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An accept or offer submitted from a form opened on an older version of the dispute is refused on
 * the form itself, saying what changed; PayPal hears nothing. Signed requests through the running
 * bot.
 */
class StaleFormTest {
  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(DeskOptions.forActions().with("APPROVAL_THRESHOLD", "USD:1000"));

  DeskDriver desk;

  @BeforeEach
  void start() {
    // A threshold high enough that these amounts would run at once, without a second approver.
    desk = DeskDriver.of(bot);
  }

  private static StateValues fullRefund() {
    return new StateValues()
        .staticSelect(ModalFields.ACCEPT_TYPE, ModalFields.ACCEPT_TYPE, "REFUND", "Full refund")
        .staticSelect(
            ModalFields.ACCEPT_REASON,
            ModalFields.ACCEPT_REASON,
            "NOT_ABLE_TO_WIN",
            "Not able to win")
        .plainText(ModalFields.NOTE, ModalFields.NOTE, "Refunding in full.");
  }

  private static StateValues offer(String amount) {
    return new StateValues()
        .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
        .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, amount)
        .plainText(ModalFields.NOTE, ModalFields.NOTE, "Here is most of it back.");
  }

  /** The errors Slack shows on the form ({@code response_action: errors}). */
  private JsonNode errors(SignedPost.Reply reply) {
    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = desk.json(reply.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    return body.path("errors");
  }

  /**
   * Waits for the refusal's audit entry (the proof the submission was handled), then checks PayPal
   * heard nothing.
   */
  private void assertRefusedWithoutPayPal(String id, String operation) {
    Await.until(
        "the refusal is audited",
        () -> desk.auditOf(id).stream().map(AuditEntry::outcome).anyMatch("CHANGED"::equals));
    desk.settle();
    assertThat(desk.sim.count(operation)).isZero();
    assertThat(desk.actions.openFor(id, io.disputedesk.paypal.ActionRequest.AcceptClaim.ACTION))
        .isEmpty();
    assertThat(desk.actions.openFor(id, io.disputedesk.paypal.ActionRequest.MakeOffer.ACTION))
        .isEmpty();
  }

  @Test
  void theFormCarriesWhatThePersonSaw() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("120.00", "USD")
                .acceptClaimTypes("REFUND", "PARTIAL_REFUND"));

    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);

    SeenDispute seen = ModalContext.parse(desk.mapper, view.privateMetadata()).orElseThrow().seen();
    assertThat(seen.disputedAmount()).isEqualTo(Money.of("120.00", "USD"));
    assertThat(seen.allowedRefund()).isEqualTo(Money.of("120.00", "USD"));
    assertThat(seen.stage()).isEqualTo(LifecycleStage.INQUIRY);
    assertThat(seen.updateTime())
        .isEqualTo(desk.disputes.find(id).orElseThrow().dispute().updateTime());
  }

  @Test
  void acceptAfterTheDisputedAmountChangedIsRefusedOnTheWayToAccept() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("120.00", "USD")
                .acceptClaimTypes("REFUND", "PARTIAL_REFUND"));
    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);
    desk.sim.changeDisputedAmount(id, new BigDecimal("80.00"));
    desk.importDispute(id);

    JsonNode errors = errors(desk.submit(view, ALICE, fullRefund()));

    // A full refund shows no amount input (the amount is in the form's warning): the menu carries
    // it.
    assertThat(errors.path(ModalFields.ACCEPT_TYPE).asText())
        .contains(
            "The disputed amount changed from 120.00 USD to 80.00 USD since you opened this form.",
            "The most PayPal lets you refund changed from 120.00 USD to 80.00 USD",
            "open it again from the card",
            "nothing was sent to PayPal");
    assertRefusedWithoutPayPal(id, "accept-claim");
  }

  @Test
  void acceptAfterTheDisputeBecameAClaimIsRefused() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("60.00", "USD")
                .acceptClaimTypes("REFUND"));
    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);
    desk.sim.buyerEscalates(id);
    desk.importDispute(id);

    JsonNode errors = errors(desk.submit(view, ALICE, fullRefund()));

    assertThat(errors.path(ModalFields.ACCEPT_TYPE).asText())
        .contains(
            "The dispute moved from the Inquiry stage to the Claim stage since you opened this form.");
    assertRefusedWithoutPayPal(id, "accept-claim");
  }

  @Test
  void offerAfterAnyNewerUpdateIsRefusedAndSaysWhen() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("60.00", "USD")
                .offerTypes("REFUND"));
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), id, BOB);
    desk.sim.addBuyerMessage(id, "I found a cheaper one elsewhere, refund please.");
    desk.importDispute(id);

    JsonNode errors = errors(desk.submit(view, BOB, offer("45.00")));

    assertThat(errors.path(ModalFields.OFFER_TYPE).asText())
        .startsWith("PayPal updated the dispute (at ")
        .contains("UTC) since you opened this form.");
    assertRefusedWithoutPayPal(id, "make-offer");
  }

  @Test
  void formThatDoesNotSayWhatItShowedIsRefused() throws Exception {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("60.00", "USD")
                .offerTypes("REFUND"));
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), id, BOB);
    ObjectNode metadata = (ObjectNode) desk.mapper.readTree(view.privateMetadata());
    metadata.remove("s");

    JsonNode errors =
        errors(
            desk.post.send(
                desk.submission(view, BOB, offer("45.00"))
                    .privateMetadata(metadata.toString())
                    .body()));

    assertThat(errors.path(ModalFields.OFFER_TYPE).asText())
        .contains("does not say which numbers it showed");
    assertRefusedWithoutPayPal(id, "make-offer");
  }

  @Test
  void unchangedDisputeRunsTheOffer() {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("60.00", "USD")
                .offerTypes("REFUND"));
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), id, BOB);
    desk.importDispute(id);

    SignedPost.Reply reply = desk.submit(view, BOB, offer("45.00"));

    assertThat(desk.json(reply.body()).path("response_action").asText()).isEqualTo("update");
    desk.awaitAction(
        id,
        io.disputedesk.paypal.ActionRequest.MakeOffer.ACTION,
        io.disputedesk.dispute.ActionStatus.SUCCEEDED);
    assertThat(desk.sim.count("make-offer")).isEqualTo(1);
  }
}
