package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.StateValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Only actions whose PayPal link is present run; a vanished link gets an explanation and a fresh
 * card.
 */
class LinkGoneTest {
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

  private static StateValues note() {
    return new StateValues()
        .plainText(ModalFields.NOTE, ModalFields.NOTE, "The buyer stopped answering.");
  }

  @Test
  void buttonOnAnOutdatedCardExplainsAndRefreshesTheCard() {
    desk.sim.buyerEscalates(id);
    desk.importDispute(id);

    desk.click(CardAction.ESCALATE.buttonId(), id, CAROL);

    assertThat(desk.awaitEphemeral(CAROL, "PayPal no longer offers *Escalate to claim*"))
        .contains(id, "refreshing the card");
    desk.awaitCardRefresh(id);
    assertThat(desk.slack.openViews(CAROL)).isEmpty();
    assertThat(desk.auditOf(id)).anySatisfy(e -> assertThat(e.outcome()).isEqualTo("LINK_GONE"));
  }

  @Test
  void linkThatVanishedWhileTheModalWasOpenStopsTheSubmission() {
    SlackView view = desk.open(CardAction.ESCALATE.buttonId(), id, CAROL);
    desk.sim.buyerEscalates(id);
    desk.importDispute(id);

    desk.submit(view, CAROL, note());

    desk.awaitEphemeral(CAROL, "PayPal no longer offers *Escalate to claim*");
    desk.awaitCardRefresh(id);
    desk.settle();
    assertThat(desk.sim.count("escalate")).isZero();
    assertThat(desk.actions.inState(ActionStatus.FAILED)).isEmpty();
  }

  @Test
  void linkPayPalRemovedBeforeWeNoticedIsReportedAndTheCardRefreshed() {
    SlackView view = desk.open(CardAction.ESCALATE.buttonId(), id, CAROL);
    desk.sim.buyerEscalates(id);

    desk.submit(view, CAROL, note());

    desk.awaitAction(id, ActionRequest.Escalate.ACTION, ActionStatus.FAILED);
    assertThat(desk.awaitThread(id, "did not go through"))
        .contains("PayPal no longer allows this action");
    desk.awaitCardRefresh(id);
    assertThat(desk.disputes.find(id).orElseThrow().dispute().allows(ActionRequest.Escalate.ACTION))
        .isFalse();
  }
}
