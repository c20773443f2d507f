package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ActionDesk.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.BeginResult;
import io.disputedesk.dispute.NewAction;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart settles the actions the stopped run left open by reading PayPal, never by sending them again. */
class RestartRecoveryTest {
  @TempDir
  Path dir;
  ActionDesk desk;
  String id;

  @BeforeEach
  void start() {
    desk = new ActionDesk(dir);
    id = desk.dispute(SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED));
    desk.stopApp();
  }

  @AfterEach
  void stop() {
    desk.close();
  }

  /** A row as a run that died mid-call left it: recorded before the call, never finished. */
  private Action leftOpen(String message, ActionStatus status) throws Exception {
    BeginResult begun = desk.actions.begin(new NewAction(id, DisputeAction.SEND_MESSAGE, "crash:" + UUID.randomUUID(),
        CAROL, ActionStatus.IN_FLIGHT, null, desk.mapper.writeValueAsString(new ActionRequest.SendMessage(message))));
    Action action = ((BeginResult.Started) begun).action();
    if (status != ActionStatus.IN_FLIGHT) {
      desk.actions.transition(action.id(), ActionStatus.IN_FLIGHT, status, "no answer", null, null);
    }
    return action;
  }

  @Test
  void interruptedCallThatWentThroughIsMarkedDoneWithoutASecondCall() throws Exception {
    Action action = leftOpen("Shipped yesterday.", ActionStatus.IN_FLIGHT);
    desk.paypal.perform(id, new ActionRequest.SendMessage("Shipped yesterday."), List.of(), action.requestId());
    desk.clock.advance(Duration.ofMinutes(2));

    desk.start();

    Action settled = desk.awaitAction(id, DisputeAction.SEND_MESSAGE, ActionStatus.SUCCEEDED);
    assertThat(settled.id()).isEqualTo(action.id());
    assertThat(settled.outcome()).contains("the message is on the dispute");
    assertThat(desk.awaitThread(id, "went through")).contains("<@" + CAROL + ">");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }

  @Test
  void interruptedCallWithNoTraceLongAgoIsMarkedNotDone() throws Exception {
    Action action = leftOpen("Never sent.", ActionStatus.IN_FLIGHT);
    desk.clock.advance(Duration.ofMinutes(10));

    desk.start();

    assertThat(desk.awaitAction(id, DisputeAction.SEND_MESSAGE, ActionStatus.FAILED).id()).isEqualTo(action.id());
    desk.awaitThread(id, "safe to try again");
    assertThat(desk.sim.count("send-message")).isZero();
  }

  @Test
  void unknownOutcomeIsSettledByReading() throws Exception {
    Action action = leftOpen("Refund is on its way.", ActionStatus.UNKNOWN);
    desk.paypal.perform(id, new ActionRequest.SendMessage("Refund is on its way."), List.of(), action.requestId());

    desk.start();

    assertThat(desk.awaitAction(id, DisputeAction.SEND_MESSAGE, ActionStatus.SUCCEEDED).id()).isEqualTo(action.id());
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }

  @Test
  void callStillWithinItsFirstMinuteIsLeftToItsOwner() throws Exception {
    Action action = leftOpen("Maybe another replica is sending this.", ActionStatus.IN_FLIGHT);
    desk.sim.clearRequests();

    desk.start();
    desk.settleIgnoringInFlight();

    assertThat(desk.actions.find(action.id()).orElseThrow().status()).isEqualTo(ActionStatus.IN_FLIGHT);
    assertThat(desk.sim.count("get")).isZero();
  }
}
