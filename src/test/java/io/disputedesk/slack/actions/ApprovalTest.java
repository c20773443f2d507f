package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.ERIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Approvals;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.ForeignHost;
import io.disputedesk.testing.People;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Money above the threshold (100 USD) waits in the thread for a second approver. */
class ApprovalTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  Approvals approvals;
  String id;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    approvals = new Approvals(desk);
    id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("250.00", "USD")
                .offerTypes("REFUND")
                .acceptClaimTypes("REFUND"));
  }

  private Action requestOffer(String amount) {
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), id, ALICE);
    desk.submit(
        view,
        ALICE,
        new StateValues()
            .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
            .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, amount)
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "We can refund most of it."));
    return desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.AWAITING_APPROVAL);
  }

  @Test
  void aHoldThatCannotBeRecordedWithItsRequestLeavesNothingHeldThatNobodyCanApprove() {
    // The database refuses the held request's audit, as if it failed right after the hold was
    // recorded. (This class runs on SQLite.)
    TestDatabases.refuse(
        desk.db, "refuse_hold", "BEFORE INSERT ON audit_log", "NEW.outcome = 'AWAITING_APPROVAL'");
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), id, ALICE);
    desk.submit(
        view,
        ALICE,
        new StateValues()
            .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
            .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "150.00")
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "We can refund most of it."));
    desk.awaitEphemeral(ALICE, "Something went wrong inside Dispute Desk");
    assertThat(desk.find(id, ActionRequest.MakeOffer.ACTION, ActionStatus.AWAITING_APPROVAL))
        .as(
            "held with no request in the thread, nobody could approve it and it would block the next")
        .isEmpty();

    desk.db.update("DROP TRIGGER refuse_hold", ps -> {});
    Action held = requestOffer("150.00");
    assertThat(approvals.request(id, held.id()).text())
        .contains("<@" + ALICE + "> asks to *Make offer*");
    assertThat(desk.sim.count("make-offer")).isZero();
  }

  @Test
  void overThresholdOfferWaitsForAnotherApproverAndRunsOnceApproved() {
    Action held = requestOffer("150.00");

    SlackMessage request = approvals.request(id, held.id());
    assertThat(request.text())
        .contains("<@" + ALICE + "> asks to *Make offer*", "refund of 150.00 USD", "100.00 USD");
    JsonNode buttons = request.blocks().get(1).path("elements");
    assertThat(buttons.get(0).path("action_id").asText()).isEqualTo(Ids.APPROVE);
    assertThat(buttons.get(0).path("value").asText()).isEqualTo(Long.toString(held.id()));
    assertThat(buttons.get(0).path("confirm").path("text").path("text").asText())
        .contains("Offer the buyer a refund of 150.00 USD?");
    assertThat(buttons.get(1).path("action_id").asText()).isEqualTo(Ids.REJECT);
    assertThat(desk.awaitEphemeral(ALICE, "another approver")).isNotEmpty();
    assertThat(desk.sim.count("make-offer")).isZero();

    approvals.decide(Ids.APPROVE, id, held.id(), ALICE);
    desk.awaitEphemeral(ALICE, "another approver has to approve it");
    assertThat(desk.actions.find(held.id()).orElseThrow().status())
        .isEqualTo(ActionStatus.AWAITING_APPROVAL);

    approvals.decide(Ids.APPROVE, id, held.id(), BOB);
    Action done = desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.SUCCEEDED);
    assertThat(done.approvedBy()).isEqualTo(BOB);
    assertThat(desk.sim.count("make-offer")).isEqualTo(1);
    assertThat(
            desk.json(desk.sim.requestsTo("make-offer").get(0).bodyText())
                .path("offer_amount")
                .path("value")
                .asText())
        .isEqualTo("150.00");
    assertThat(desk.awaitThread(id, "PayPal accepted it")).contains("approved by <@" + BOB + ">");
    Await.until(
        "the request loses its buttons",
        () ->
            desk.slack
                .message(DeskDriver.CHANNEL, request.ts())
                .map(
                    m ->
                        m.text().contains("Approved by <@" + BOB + ">")
                            && !m.blocks().toString().contains(Ids.APPROVE))
                .orElse(false));

    approvals.decide(Ids.APPROVE, id, held.id(), ERIN);
    desk.awaitEphemeral(ERIN, "already approved by <@" + BOB + ">");
    assertThat(desk.sim.count("make-offer")).isEqualTo(1);
    assertThat(desk.auditOf(id))
        .extracting(e -> e.outcome())
        .contains("AWAITING_APPROVAL", "DENIED", "APPROVED", "SUCCEEDED");
  }

  @Test
  void twoApproversClickingAtOnceRunItOnce() {
    Action held = requestOffer("120.00");
    desk.sim.delayActions(java.time.Duration.ofMillis(300));

    CompletableFuture<?> bob =
        CompletableFuture.runAsync(() -> approvals.decide(Ids.APPROVE, id, held.id(), BOB));
    CompletableFuture<?> erin =
        CompletableFuture.runAsync(() -> approvals.decide(Ids.APPROVE, id, held.id(), ERIN));
    CompletableFuture.allOf(bob, erin).join();

    Action done = desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.SUCCEEDED);
    desk.settle();
    assertThat(desk.sim.count("make-offer")).isEqualTo(1);
    String loser = done.approvedBy().equals(BOB) ? ERIN : BOB;
    desk.awaitEphemeral(loser, "already approved");
  }

  @Test
  void rejectedRequestSendsNothing() {
    Action held = requestOffer("150.00");

    approvals.decide(Ids.REJECT, id, held.id(), BOB);

    desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.REJECTED);
    assertThat(desk.awaitThread(id, "Rejected by <@" + BOB + ">"))
        .contains("Nothing was sent to PayPal");
    approvals.decide(Ids.APPROVE, id, held.id(), ERIN);
    desk.awaitEphemeral(ERIN, "already rejected");
    assertThat(desk.sim.count("make-offer")).isZero();
    assertThat(desk.auditOf(id)).extracting(e -> e.outcome()).contains("REJECTED");
  }

  @Test
  void requestWhoseLinkVanishedBeforeApprovalIsCancelled() {
    Action held = requestOffer("150.00");
    SlackMessage request = approvals.request(id, held.id());
    desk.sim.setStatus(id, SimStatus.UNDER_REVIEW);
    desk.importDispute(id);

    approvals.decide(Ids.APPROVE, id, held.id(), BOB);

    desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.CANCELLED);
    desk.awaitEphemeral(BOB, "PayPal no longer offers make offer on this dispute");
    assertThat(desk.awaitThread(id, "Cancelled")).contains("Nothing was sent to PayPal");
    Await.until(
        "the request says it was cancelled",
        () ->
            desk.slack
                .message(DeskDriver.CHANNEL, request.ts())
                .map(m -> m.text().contains("Cancelled: PayPal no longer offers this action"))
                .orElse(false));
    assertThat(desk.sim.count("make-offer")).isZero();
  }

  @Test
  void agentCannotApprove() {
    Action held = requestOffer("150.00");

    approvals.decide(Ids.APPROVE, id, held.id(), CAROL);

    desk.awaitEphemeral(CAROL, "Only approvers can approve this");
    assertThat(desk.actions.find(held.id()).orElseThrow().status())
        .isEqualTo(ActionStatus.AWAITING_APPROVAL);
    assertThat(desk.sim.count("make-offer")).isZero();
  }

  @Test
  void fullRefundAboveTheThresholdAlsoWaits() {
    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, BOB);
    desk.submit(
        view,
        BOB,
        new StateValues()
            .staticSelect(ModalFields.ACCEPT_TYPE, ModalFields.ACCEPT_TYPE, "REFUND", "Full refund")
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "Lost in the mail."));

    Action held =
        desk.awaitAction(id, ActionRequest.AcceptClaim.ACTION, ActionStatus.AWAITING_APPROVAL);
    assertThat(held.amount().display()).isEqualTo("250.00 USD");
    assertThat(desk.awaitThread(id, "asks to")).contains("full refund of 250.00 USD");

    approvals.decide(Ids.REJECT, id, held.id(), BOB);
    desk.awaitAction(id, ActionRequest.AcceptClaim.ACTION, ActionStatus.CANCELLED);
    assertThat(desk.awaitThread(id, "Withdrawn by <@" + BOB + ">")).isNotEmpty();
    assertThat(desk.sim.count("accept-claim")).isZero();
  }

  @Test
  void requestWhoseAmountsChangedBeforeApprovalIsCancelledNotRun() {
    Action held = requestOffer("150.00");
    SlackMessage request = approvals.request(id, held.id());
    desk.sim.changeDisputedAmount(id, new BigDecimal("200.00"));
    desk.importDispute(id);

    approvals.decide(Ids.APPROVE, id, held.id(), BOB);

    desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.CANCELLED);
    assertThat(
            desk.awaitEphemeral(
                BOB,
                "The disputed amount changed from 250.00 USD to 200.00 USD since it was"
                    + " requested."))
        .contains("nothing was sent to PayPal");
    assertThat(
            desk.awaitThread(
                id, "Cancelled: The disputed amount changed from 250.00 USD to 200.00 USD"))
        .contains("Nothing was sent to PayPal");
    Await.until(
        "the request says it was cancelled",
        () ->
            desk.slack
                .message(DeskDriver.CHANNEL, request.ts())
                .map(m -> m.text().contains("amounts or stage changed since it was requested"))
                .orElse(false));
    assertThat(desk.sim.count("make-offer")).isZero();
  }

  @Test
  void moneyInACurrencyWithoutAThresholdWaitsForASecondApprover() {
    String euros =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("50.00", "EUR")
                .offerTypes("REFUND"));
    SlackView view = desk.open(CardAction.MAKE_OFFER.buttonId(), euros, ALICE);

    desk.submit(
        view,
        ALICE,
        new StateValues()
            .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
            .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, "20.00")
            .plainText(ModalFields.NOTE, ModalFields.NOTE, "Part of it back."));

    Action held =
        desk.awaitAction(euros, ActionRequest.MakeOffer.ACTION, ActionStatus.AWAITING_APPROVAL);
    assertThat(approvals.request(euros, held.id()).text())
        .contains(
            "refund of 20.00 EUR",
            "No approval threshold is set for EUR, so another approver must approve it");
    desk.settle();
    assertThat(desk.sim.count("make-offer")).isZero();
  }

  @Test
  void aDecisionWhoseResponseUrlIsNotSlacksUpdatesTheRequestThroughTheWebApi() {
    Action held = requestOffer("150.00");
    SlackMessage request = approvals.request(id, held.id());

    try (ForeignHost foreign = ForeignHost.start()) {
      SignedPost.Reply ack =
          desk.send(
              SlackRequests.blockAction(Ids.REJECT)
                  .value(Long.toString(held.id()))
                  .user(BOB, People.nameOf(BOB))
                  .triggerId(desk.slack.issueTrigger(BOB))
                  .actionTs("1732700099.000001")
                  .inMessage(
                      DeskDriver.CHANNEL, request.ts(), foreign.url("/actions/T0A1B2C3D/3/SeCrEt"))
                  .body());

      assertThat(ack.status()).isEqualTo(200);
      Await.until(
          "the request loses its buttons",
          () ->
              desk.slack
                  .message(DeskDriver.CHANNEL, request.ts())
                  .map(
                      m ->
                          m.text().contains("Rejected by <@" + BOB + ">")
                              && !m.blocks().toString().contains(Ids.APPROVE))
                  .orElse(false));
      assertThat(foreign.requests()).isZero();
    }
    assertThat(desk.sim.count("make-offer")).isZero();
  }
}
