package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.BeginResult;
import io.disputedesk.dispute.NewAction;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Money;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimOutcome;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A restart settles the actions the stopped run left open by reading PayPal, never by sending them
 * again: only actions whose lease ran out, and only on the action's own trace in the dispute.
 */
class RestartRecoveryTest {
  /**
   * The lease a running action holds (the bot's: 30 minutes of worst-case PayPal call, plus one).
   */
  private static final Duration LEASE = Duration.ofMinutes(31);

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  String id;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("40.00", "USD"));
    desk.stopApp();
  }

  /**
   * A row as a run that died mid-call left it: recorded (and leased) before the call, never
   * finished.
   */
  private Action leftOpen(
      ActionRequest request, Money amount, ActionStatus status, Instant leaseUntil)
      throws Exception {
    BeginResult begun =
        desk.actions.begin(
            new NewAction(
                id,
                request.action(),
                "crash:" + UUID.randomUUID(),
                CAROL,
                ActionStatus.IN_FLIGHT,
                amount,
                desk.mapper.writeValueAsString(request)),
            leaseUntil);
    Action action = ((BeginResult.Started) begun).action();
    if (status != ActionStatus.IN_FLIGHT) {
      desk.actions.transition(action.id(), ActionStatus.IN_FLIGHT, status, "no answer", null, null);
    }
    return action;
  }

  private Action leftOpen(String message, ActionStatus status) throws Exception {
    return leftOpen(
        new ActionRequest.SendMessage(message), null, status, desk.clock.instant().plus(LEASE));
  }

  @Test
  void interruptedCallThatWentThroughIsMarkedDoneOnceItsLeaseRanOutWithoutASecondCall()
      throws Exception {
    Action action = leftOpen("Shipped yesterday.", ActionStatus.IN_FLIGHT);
    desk.paypal.perform(
        id, new ActionRequest.SendMessage("Shipped yesterday."), List.of(), action.requestId());
    desk.clock.advance(LEASE.plusMinutes(1));

    desk.start();

    Action settled = desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);
    assertThat(settled.id()).isEqualTo(action.id());
    assertThat(settled.outcome()).contains("the message is on the dispute");
    assertThat(desk.awaitThread(id, "went through")).contains("<@" + CAROL + ">");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }

  @Test
  void interruptedCallWithNoTraceLongAgoIsMarkedNotDone() throws Exception {
    Action action = leftOpen("Never sent.", ActionStatus.IN_FLIGHT);
    desk.clock.advance(LEASE.plusMinutes(10));

    desk.start();

    assertThat(desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.FAILED).id())
        .isEqualTo(action.id());
    desk.awaitThread(id, "safe to try again");
    assertThat(desk.sim.count("send-message")).isZero();
  }

  @Test
  void unknownOutcomeIsSettledByReading() throws Exception {
    Action action = leftOpen("Refund is on its way.", ActionStatus.UNKNOWN);
    desk.paypal.perform(
        id, new ActionRequest.SendMessage("Refund is on its way."), List.of(), action.requestId());

    desk.start();

    assertThat(desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED).id())
        .isEqualTo(action.id());
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }

  @Test
  void callWhoseLeaseStillRunsIsLeftToItsOwnerMinutesLater() throws Exception {
    Action running = leftOpen("Maybe another replica is sending this.", ActionStatus.IN_FLIGHT);
    // A second action whose process died long ago: settling it shows that recovery ran past the
    // first.
    Action dead =
        leftOpen(
            new ActionRequest.ProvideSupportingInfo("Tracking attached."),
            null,
            ActionStatus.IN_FLIGHT,
            desk.clock.instant().minus(Duration.ofMinutes(1)));
    desk.clock.advance(Duration.ofMinutes(5));

    desk.start();

    Action settled =
        desk.awaitAction(id, ActionRequest.ProvideSupportingInfo.ACTION, ActionStatus.FAILED);
    assertThat(settled.id()).isEqualTo(dead.id());
    desk.settleIgnoringInFlight();
    Action untouched = desk.actions.find(running.id()).orElseThrow();
    assertThat(untouched.status()).isEqualTo(ActionStatus.IN_FLIGHT);
    assertThat(untouched.outcome()).isNull();
    assertThat(desk.threadTexts(id)).noneMatch(t -> t.contains("Maybe another replica"));
    assertThat(desk.auditOf(id)).noneMatch(e -> e.action().equals("SEND_MESSAGE"));
  }

  @Test
  void theSameWordsSentBeforeTheActionBeganDoNotCountAsItsMessage() throws Exception {
    desk.paypal.perform(
        id,
        new ActionRequest.SendMessage("Shipped yesterday."),
        List.of(),
        UUID.randomUUID().toString());
    desk.clock.advance(Duration.ofMinutes(30));
    Action again = leftOpen("Shipped yesterday.", ActionStatus.UNKNOWN);
    desk.clock.advance(Duration.ofMinutes(5));

    desk.start();

    assertThat(desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.FAILED).id())
        .isEqualTo(again.id());
    assertThat(desk.awaitThread(id, "did not go through"))
        .contains("no such message from you since it was sent", "safe to try again");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }

  @Test
  void anAcceptOnADisputeTheBuyerCancelledIsNotCountedAsDone() throws Exception {
    Action accept =
        leftOpen(
            ActionRequest.AcceptClaim.fullRefund("Refund."),
            Money.of("40.00", "USD"),
            ActionStatus.UNKNOWN,
            desk.clock.instant().plus(LEASE));
    desk.sim.resolve(id, SimOutcome.CANCELED_BY_BUYER, null);
    desk.clock.advance(Duration.ofMinutes(5));

    desk.start();

    Action settled = desk.awaitAction(id, ActionRequest.AcceptClaim.ACTION, ActionStatus.FAILED);
    assertThat(settled.id()).isEqualTo(accept.id());
    assertThat(desk.awaitThread(id, "did not go through"))
        .contains("closed without it (cancelled by the buyer)")
        .doesNotContain("safe to try again");
    assertThat(desk.sim.count("accept-claim")).isZero();
  }

  @Test
  void anAcceptIsConfirmedByTheRefundOfItsAmount() throws Exception {
    Action accept =
        leftOpen(
            ActionRequest.AcceptClaim.fullRefund("Refund."),
            Money.of("40.00", "USD"),
            ActionStatus.UNKNOWN,
            desk.clock.instant().plus(LEASE));
    desk.paypal.perform(
        id, ActionRequest.AcceptClaim.fullRefund("Refund."), List.of(), accept.requestId());

    desk.start();

    Action settled = desk.awaitAction(id, ActionRequest.AcceptClaim.ACTION, ActionStatus.SUCCEEDED);
    assertThat(settled.outcome()).contains("resolved for the buyer with 40.00 USD refunded");
    assertThat(desk.sim.count("accept-claim")).isEqualTo(1);
  }

  @Test
  void anEscalationTheDisputeCannotProveStaysUnknownAndSaysSo() throws Exception {
    Action escalate =
        leftOpen(
            new ActionRequest.Escalate("Please decide."),
            null,
            ActionStatus.UNKNOWN,
            desk.clock.instant().plus(LEASE));
    desk.sim.buyerEscalates(id);
    desk.clock.advance(Duration.ofMinutes(5));

    desk.start();

    String report = desk.awaitThread(id, "can't tell whether it went through");
    assertThat(report).contains("the buyer may have escalated", "Check the dispute in PayPal");
    desk.settle();
    Action still = desk.actions.find(escalate.id()).orElseThrow();
    assertThat(still.status()).isEqualTo(ActionStatus.UNKNOWN);
    assertThat(still.outcome()).startsWith("unproven:");
    assertThat(desk.threadTexts(id))
        .noneMatch(t -> t.contains("did not go through") || t.contains(":white_check_mark:"));
    assertThat(desk.sim.count("escalate")).isZero();
  }

  @Test
  void anAnswerThatCouldNotBeRecordedIsSettledByReadingAfterARestartAndSaidInTheThread() {
    desk.start();
    // The database refuses the audit of PayPal's acceptance, as if it failed right after the
    // action was recorded done. (This class runs on SQLite.)
    TestDatabases.refuse(
        desk.db,
        "refuse_answer",
        "BEFORE INSERT ON audit_log",
        "NEW.outcome = 'SUCCEEDED' AND NEW.detail LIKE 'PayPal accepted%'");
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);
    desk.submit(
        view,
        CAROL,
        new StateValues()
            .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, "Shipped on Monday."));
    desk.awaitEphemeral(CAROL, "Something went wrong inside Dispute Desk");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);

    desk.stopApp();
    desk.clock.advance(LEASE.plusMinutes(1));
    desk.start();

    assertThat(desk.awaitThread(id, "went through"))
        .as("done with nothing in the thread would be done for good, never said")
        .contains("<@" + CAROL + ">");
    desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.auditOf(id)).extracting(AuditEntry::outcome).containsOnlyOnce("SUCCEEDED");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }
}
