package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The action executor's queue is bounded: once its one thread waits on a slow PayPal and its queue
 * is full, the next submission is answered "busy" inline with its form left open and nothing done,
 * and a button click gets the same answer privately.
 */
class BusyTest {
  /** One action thread, so its queue holds four (App gives each thread four places). */
  private static final int ACCEPTED = 1 + 4;

  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(DeskOptions.forActions().actions(Duration.ofMillis(600), 1));

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

  private List<Action> allActions() {
    return Arrays.stream(ActionStatus.values())
        .flatMap(s -> desk.actions.inState(s).stream())
        .toList();
  }

  /**
   * Keeps the one action thread waiting on PayPal with its queue full; returns the form used. The
   * first send is held 5 s: the fill, the test's own request and its answer must all come before it
   * ends, on a loaded machine too. The test then lets the queued sends through at once ({@link
   * #letTheQueueThrough}).
   */
  private SlackView fillTheActionQueue() {
    desk.sim.delayActions(Duration.ofSeconds(5));
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);
    for (int i = 0; i < ACCEPTED; i++) {
      SignedPost.Reply accepted =
          desk.post.send(
              desk.submission(view, CAROL, message("Hello " + i)).viewId("V0QUEUED" + i).body());
      assertThat(accepted.status()).isEqualTo(200);
      assertThat(accepted.body()).doesNotContain("errors");
    }
    desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.IN_FLIGHT);
    return view;
  }

  /** The sends still queued answer at once (the first stays held to its end). */
  private void letTheQueueThrough() {
    desk.sim.delayActions(Duration.ZERO);
  }

  @Test
  void aFullActionQueueAnswersTheNextSubmissionBusyWithNothingDone() {
    SlackView view = fillTheActionQueue();

    SignedPost.Reply busy =
        desk.post.send(
            desk.submission(view, CAROL, message("One too many")).viewId("V0BUSY").body());

    assertThat(busy.status()).isEqualTo(200);
    JsonNode answer = desk.json(busy.body());
    assertThat(answer.path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.path("errors").path(ModalFields.MESSAGE).asText())
        .isEqualTo("Dispute Desk is busy; try again in a moment. Nothing was done.");

    SignedPost.Reply click = desk.click(Ids.REFRESH, id, ALICE);
    assertThat(click.status()).isEqualTo(200);
    desk.awaitEphemeral(ALICE, "Dispute Desk is busy; try again in a moment. Nothing was done.");
    letTheQueueThrough();

    Await.until("the queued messages are sent", () -> desk.sim.count("send-message") == ACCEPTED);
    desk.settle();
    assertThat(allActions())
        .hasSize(ACCEPTED)
        .extracting(Action::intentKey)
        .noneMatch(k -> k.contains("V0BUSY"));
    assertThat(desk.sim.requestsTo("send-message"))
        .hasSize(ACCEPTED)
        .allSatisfy(r -> assertThat(r.bodyText()).doesNotContain("One too many"));
    assertThat(desk.ephemeralTexts(CAROL)).noneMatch(t -> t.contains("One too many"));
    assertThat(desk.ephemeralTexts(BOB)).isEmpty();
  }

  @Test
  void aRefusedClickWhileTheActionQueueIsFullIsToldWhyAndAudited() {
    fillTheActionQueue();

    assertThat(desk.click(CardAction.SEND_MESSAGE.buttonId(), id, DAVE).status()).isEqualTo(200);

    desk.awaitEphemeral(DAVE, "Only agents and approvers can use *Send message*");
    assertThat(desk.ephemeralTexts(DAVE)).noneMatch(t -> t.contains("busy"));
    assertThat(desk.auditOf(id))
        .filteredOn(e -> DAVE.equals(e.userId()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("SEND_MESSAGE");
              assertThat(e.outcome()).isEqualTo("DENIED");
            });
    letTheQueueThrough();
    Await.until("the queued messages are sent", () -> desk.sim.count("send-message") == ACCEPTED);
    desk.settle();
  }
}
