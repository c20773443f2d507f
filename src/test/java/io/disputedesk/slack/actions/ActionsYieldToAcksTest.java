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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Actions start once no request is being answered, or after a short bound: a front door that is
 * never idle delays an action, never stops it.
 */
class ActionsYieldToAcksTest {
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

  private static StateValues message(String text) {
    return new StateValues().plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, text);
  }

  @Test
  void anActionStartsWhenNoRequestIsBeingAnswered() {
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);

    SignedPost.Reply reply = desk.submit(view, CAROL, message("Shipped today."));

    assertThat(reply.status()).isEqualTo(200);
    desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }

  @Test
  void anActionStartsAfterTheBoundWhileAnotherRequestStaysInFlight() throws Exception {
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);
    // A request whose body never finishes arriving stays in flight (until its deadline, 30 s).
    try (Socket held = new Socket(InetAddress.getLoopbackAddress(), bot.app().port())) {
      OutputStream out = held.getOutputStream();
      out.write(
          ("POST /slack/events HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 64\r\n\r\n"
                  + "payload=")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      SignedPost.Reply reply = desk.submit(view, CAROL, message("Shipped today."));

      assertThat(reply.status()).isEqualTo(200);
      desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);
      assertThat(desk.sim.count("send-message")).isEqualTo(1);
      InputStream in = held.getInputStream();
      assertThat(in.available()).as("the held request is still unanswered").isZero();
    }
  }
}
