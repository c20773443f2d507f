package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A card button's form goes to Slack's views.open with the click's trigger id; Slack's refusals
 * reach the person.
 */
class FormOpenerTest {
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

  @Test
  void theFormOpensWithTheClicksTriggerBeforeTheAck() {
    desk.slack.clearCalls();
    SignedPost.Reply reply = desk.click(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);

    assertThat(reply.status()).isEqualTo(200);
    // Opened inline: the form is there as soon as the click is answered.
    List<SlackView> open = desk.slack.openViews(CAROL);
    assertThat(open).hasSize(1);
    assertThat(open.get(0).callbackId()).isEqualTo(CardAction.SEND_MESSAGE.viewId());
    assertThat(open.get(0).privateMetadata()).contains(id);
    List<ApiCall> calls = desk.slack.calls("views.open");
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).param("trigger_id")).isNotBlank();
  }

  @Test
  void clicksOnAnUnchangedDisputeOpenTheSameFormAndAChangeShowsInTheNextOne() {
    String before = desk.disputes.find(id).orElseThrow().dispute().disputeAmount().display();
    desk.slack.clearCalls();
    desk.click(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);
    desk.click(CardAction.SEND_MESSAGE.buttonId(), id, ALICE);
    List<ApiCall> opened = desk.slack.calls("views.open");
    assertThat(opened).hasSize(2);
    assertThat(opened.get(1).param("view")).isEqualTo(opened.get(0).param("view")).contains(before);

    desk.sim.changeDisputedAmount(id, new BigDecimal("1234.56"));
    desk.importDispute(id);
    desk.slack.clearCalls();
    desk.click(CardAction.SEND_MESSAGE.buttonId(), id, BOB);

    SlackView changed = desk.slack.openViews(BOB).get(0);
    assertThat(changed.blocks().toString()).contains("1,234.56").doesNotContain(before);
    // What the form remembers of the dispute is the change too.
    assertThat(changed.privateMetadata()).contains("1234.56");
  }

  @Test
  void slacksRefusalIsToldToThePersonWithItsError() {
    desk.slack.failNext("views.open", 1, Fault.error("expired_trigger_id"));

    assertThat(desk.click(CardAction.SEND_MESSAGE.buttonId(), id, CAROL).status()).isEqualTo(200);

    assertThat(desk.awaitEphemeral(CAROL, "Slack did not open the form"))
        .contains("(expired_trigger_id)", "Please click the button again.");
    assertThat(desk.slack.openViews(CAROL)).isEmpty();
  }

  @Test
  void aSlackServerErrorIsToldToThePersonWithItsStatus() {
    desk.slack.failNext("views.open", 1, Fault.serverError());

    assertThat(desk.click(CardAction.SEND_MESSAGE.buttonId(), id, CAROL).status()).isEqualTo(200);

    assertThat(desk.awaitEphemeral(CAROL, "Slack did not open the form")).contains("status: 500");
    assertThat(desk.slack.openViews(CAROL)).isEmpty();
  }
}
