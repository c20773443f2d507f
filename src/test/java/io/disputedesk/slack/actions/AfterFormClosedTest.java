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
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Once a form has closed, whatever goes wrong reaches the person as a private note in the card's
 * channel.
 */
class AfterFormClosedTest {
  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(DeskOptions.forActions().actions(Duration.ofMillis(600), 1));

  DeskDriver desk;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
  }

  private String dispute() {
    return desk.dispute(
        SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED));
  }

  private static StateValues message(String text) {
    return new StateValues().plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, text);
  }

  @Test
  void anAttachmentOfferedOverPlainHttpIsNotFetchedAndThePersonIsTold() {
    String id = dispute();
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);

    SignedPost.Reply reply =
        desk.submit(
            view,
            CAROL,
            message("See the receipt.")
                .fileInput(
                    ModalFields.FILES,
                    ModalFields.FILES,
                    List.of(
                        desk.fileJson(
                            "F0PLAIN",
                            "receipt.pdf",
                            "application/pdf",
                            "pdf",
                            20,
                            "http://files.slack.com/files-pri/T0-F0PLAIN/receipt.pdf"))));

    assertThat(reply.status()).isEqualTo(200);
    desk.awaitEphemeral(
        CAROL, "I could not fetch receipt.pdf from Slack. Nothing was sent to PayPal.");
    assertThat(desk.sim.count("send-message")).isZero();
  }

  @Test
  void aFailureInsideTheBotAfterTheFormClosedReachesThePersonAsANote() {
    String busy = dispute();
    String broken = dispute();
    // The one action thread waits on PayPal 5 s: the second form must be opened, submitted and its
    // dispute broken before it is worked, on a loaded machine too.
    desk.sim.delayActions(Duration.ofSeconds(5));
    desk.submit(
        desk.open(CardAction.SEND_MESSAGE.buttonId(), busy, CAROL), CAROL, message("First"));
    desk.awaitAction(busy, ActionRequest.SendMessage.ACTION, ActionStatus.IN_FLIGHT);
    SignedPost.Reply closed =
        desk.submit(
            desk.open(CardAction.SEND_MESSAGE.buttonId(), broken, CAROL), CAROL, message("Second"));
    assertThat(closed.body()).as("the form closed").doesNotContain("errors");
    desk.db.inTransaction(
        c -> {
          try (var ps =
              c.prepareStatement("UPDATE disputes SET raw_json = '{' WHERE dispute_id = ?")) {
            ps.setString(1, broken);
            return ps.executeUpdate();
          }
        });

    String note = desk.awaitEphemeral(CAROL, "Something went wrong inside Dispute Desk");

    assertThat(note).contains("*Send message* on " + broken, "Check the dispute's thread");
    assertThat(desk.sim.requestsTo("send-message"))
        .singleElement()
        .satisfies(r -> assertThat(r.pathAndQuery()).contains(busy));
  }
}
