package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimOutcome;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A dispute's life as the team sees it in Slack: one card, updated in place, its history in the
 * thread.
 */
class CardsEndToEndTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.defaults();
  private BotDesk desk;

  @BeforeEach
  void startWithEmptyHistory() {
    desk = bot.desk();
    desk.pollAndSettle();
  }

  private String newInquiry() {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount("23.00", "USD")
            .createTime(Instant.now().minus(Duration.ofHours(2)))
            .buyerName("Ana Buyer")
            .buyerMessage("Where is my parcel?")
            .build());
  }

  @Test
  void newDisputeAppearsAsExactlyOneCardWithTheRightButtons() {
    String id = newInquiry();
    desk.pollAndSettle();

    List<SlackMessage> cards = desk.cardsOf(id);
    assertThat(cards).hasSize(1);
    SlackMessage card = cards.get(0);
    assertThat(card.text()).contains("23.00 USD", id);
    assertThat(card.blocks().toString())
        .contains("23.00 USD · Item not received", "Ana Buyer", "Where is my parcel?");
    assertThat(BotDesk.actionIds(card))
        .containsExactlyInAnyOrder(
            CardAction.PROVIDE_EVIDENCE.buttonId(),
            CardAction.MAKE_OFFER.buttonId(),
            CardAction.ACCEPT_CLAIM.buttonId(),
            CardAction.SEND_MESSAGE.buttonId(),
            CardAction.ESCALATE.buttonId(),
            Ids.ASSIGN_ME,
            CardAction.UPDATE_CONTACT_DETAILS.buttonId(),
            Ids.SNOOZE,
            Ids.REFRESH,
            Ids.OPEN_IN_PAYPAL);
    assertThat(desk.replies(card)).isEmpty();
    assertThat(desk.channelMessages()).hasSize(1);
  }

  @Test
  void statusChangeUpdatesTheCardInPlaceAndAddsOneThreadReply() {
    String id = newInquiry();
    desk.pollAndSettle();
    String ts = desk.card(id).orElseThrow().ts();

    desk.sim.setStatus(id, SimStatus.WAITING_FOR_BUYER_RESPONSE);
    desk.pollAndSettle();

    List<SlackMessage> cards = desk.cardsOf(id);
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).ts()).isEqualTo(ts);
    assertThat(cards.get(0).edited()).isTrue();
    assertThat(cards.get(0).blocks().toString()).contains("Waiting for the buyer");
    List<SlackMessage> replies = desk.replies(cards.get(0));
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).text()).contains("Waiting for our response", "Waiting for the buyer");
  }

  @Test
  void buyerMessageAppearsInTheThreadEscaped() {
    String id = newInquiry();
    desk.pollAndSettle();

    desk.sim.addBuyerMessage(
        id, "Hello <!channel> & see <https://evil.example|my photo> <@U024BE7LH>");
    desk.pollAndSettle();

    SlackMessage card = desk.card(id).orElseThrow();
    List<SlackMessage> replies = desk.replies(card);
    assertThat(replies).hasSize(1);
    String reply = replies.get(0).text();
    assertThat(reply)
        .contains(
            "&lt;!channel&gt; &amp; see &lt;https://evil.example|my photo&gt; &lt;@U024BE7LH&gt;")
        .doesNotContain("<!channel>")
        .doesNotContain("<@U024BE7LH>")
        .doesNotContain("<https://evil.example");
    assertThat(card.blocks().toString()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
  }

  @Test
  void resolutionShowsTheOutcomeAndRemovesTheButtons() {
    String id = newInquiry();
    desk.pollAndSettle();

    desk.sim.resolve(id, SimOutcome.RESOLVED_BUYER_FAVOUR, null);
    desk.pollAndSettle();

    SlackMessage card = desk.card(id).orElseThrow();
    assertThat(desk.cardsOf(id)).hasSize(1);
    assertThat(card.blocks().toString())
        .contains("Lost: resolved in the buyer's favour", "23.00 USD");
    assertThat(BotDesk.actionIds(card)).isEmpty();
    assertThat(desk.replies(card))
        .extracting(SlackMessage::text)
        .anySatisfy(t -> assertThat(t).contains("Lost: resolved in the buyer's favour"));
  }
}
