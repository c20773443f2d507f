package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PayPal's answer reaches the process that called it after another process took the action over:
 * whoever records the outcome first reports it, and a process that lost the compare-and-set stays
 * silent, so the thread never shows two contradictory results.
 */
class SettledElsewhereTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  String id;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    id =
        desk.dispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED));
  }

  /**
   * Carol sends a message and PayPal takes two seconds to answer; returns the row while the call
   * runs.
   */
  private Action sendSlowly() {
    desk.sim.delayActions(Duration.ofSeconds(2));
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);
    desk.submit(
        view,
        CAROL,
        new StateValues().plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, "We shipped it."));
    return desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.IN_FLIGHT);
  }

  /** Another process takes the action over as if its lease had run out. */
  private void takenOver(Action running) {
    assertThat(
            desk.actions.takeOver(
                running.id(), desk.clock.instant().plus(Duration.ofHours(1)), "taken over"))
        .isTrue();
  }

  @Test
  void anAnswerAfterTheActionWasSettledElsewhereIsNotReported() {
    Action running = sendSlowly();
    takenOver(running);
    assertThat(
            desk.actions.transition(
                running.id(),
                ActionStatus.UNKNOWN,
                ActionStatus.FAILED,
                "settled elsewhere",
                null,
                null))
        .isTrue();

    Await.until(
        "PayPal's late answer is audited",
        () -> desk.auditOf(id).stream().anyMatch(e -> e.outcome().equals("LATE_ANSWER")));
    desk.settle();

    assertThat(desk.actions.find(running.id()).orElseThrow().status())
        .isEqualTo(ActionStatus.FAILED);
    assertThat(desk.threadTexts(id)).noneMatch(t -> t.contains("Send message"));
    assertThat(desk.auditOf(id))
        .filteredOn(e -> e.outcome().equals("LATE_ANSWER"))
        .singleElement()
        .extracting(AuditEntry::detail)
        .asString()
        .contains("SUCCEEDED", "settled elsewhere as FAILED");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }

  @Test
  void anAnswerWhileAnotherProcessStillChecksSettlesTheActionOnce() {
    Action running = sendSlowly();
    takenOver(running);

    Action done = desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);
    desk.awaitThread(id, "PayPal accepted it");
    desk.settle();

    assertThat(done.id()).isEqualTo(running.id());
    assertThat(desk.threadTexts(id)).filteredOn(t -> t.contains("Send message")).hasSize(1);
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }
}
