package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every button and overflow option on a card the bot really posted is answered by a handler. */
class CardButtonsTest {
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
                .offerTypes("REFUND")
                .acceptClaimTypes("REFUND"));
  }

  private List<JsonNode> elements() {
    SlackMessage card = desk.slack.message(DeskDriver.CHANNEL, desk.cardTs(id)).orElseThrow();
    List<JsonNode> elements = new ArrayList<>();
    for (JsonNode block : card.blocks()) {
      if ("actions".equals(block.path("type").asText())) {
        block.path("elements").forEach(elements::add);
      }
    }
    return elements;
  }

  @Test
  void everyControlOnThePostedCardIsAnswered() {
    List<String> answered = new ArrayList<>();
    for (JsonNode element : elements()) {
      if ("overflow".equals(element.path("type").asText())) {
        for (JsonNode option : element.path("options")) {
          SignedPost.Reply reply =
              desk.post.send(
                  desk.clickBody(Ids.MORE_ACTIONS, id, ALICE)
                      .overflowChoice(option.path("value").asText())
                      .body());
          assertThat(reply.status()).as(option.path("value").asText()).isEqualTo(200);
          answered.add(option.path("value").asText().split(":")[0]);
        }
      } else {
        String actionId = element.path("action_id").asText();
        SignedPost.Reply reply = desk.click(actionId, element.path("value").asText(id), ALICE);
        assertThat(reply.status()).as(actionId).isEqualTo(200);
        answered.add(actionId);
      }
      desk.slack.closeViews(ALICE);
    }
    assertThat(answered)
        .contains(
            CardAction.ACCEPT_CLAIM.buttonId(),
            CardAction.MAKE_OFFER.buttonId(),
            CardAction.SEND_MESSAGE.buttonId(),
            Ids.ASSIGN_ME,
            Ids.REFRESH);
  }

  @Test
  void overflowOptionOpensTheSameModalAsItsButton() {
    SlackView view = desk.openFromOverflow(CardAction.ESCALATE.buttonId() + ":" + id, id, CAROL);

    assertThat(view.callbackId()).isEqualTo(CardAction.ESCALATE.viewId());
  }

  @Test
  void overflowRefreshReadsTheDisputeAgain() {
    desk.sim.addBuyerMessage(id, "Hello?");

    desk.post.send(
        desk.clickBody(Ids.MORE_ACTIONS, id, CAROL).overflowChoice(Ids.REFRESH + ":" + id).body());

    desk.awaitCardRefresh(id);
    Await.until(
        "the buyer's message is stored",
        () ->
            desk.disputes
                .find(id)
                .orElseThrow()
                .dispute()
                .latestBuyerMessage()
                .map(m -> m.content().equals("Hello?"))
                .orElse(false));
  }

  @Test
  void foreignOverflowValueIsIgnored() {
    SignedPost.Reply reply =
        desk.post.send(
            desk.clickBody(Ids.MORE_ACTIONS, id, CAROL).overflowChoice("nonsense").body());

    assertThat(reply.status()).isEqualTo(200);
    desk.settle();
    assertThat(desk.ephemeralTexts(CAROL)).isEmpty();
  }
}
