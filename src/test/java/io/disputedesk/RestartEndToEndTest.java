package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.slack.Pause;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the bot while Slack has applied a post but not yet answered duplicates and drops nothing.
 */
class RestartEndToEndTest {
  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  @TempDir Path dir;
  private BotDesk desk;

  @BeforeEach
  void startWithEmptyHistory() {
    desk = bot.desk();
    desk.start();
    desk.pollAndSettle();
  }

  private String newInquiry() {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount("23.00", "USD")
            .createTime(Instant.now().minus(Duration.ofHours(2)))
            .build());
  }

  /**
   * Stops the app while the held call is in Slack, lets Slack drop its answer, and starts a new
   * app.
   */
  private void killAndRestart(Pause held) {
    desk.app().close();
    held.releaseAndDrop();
    desk.start();
    desk.awaitSlackQuiet();
  }

  @Test
  void killedWhileThePostOfACardIsUnansweredLeavesOneCardAndEachReplyOnce() throws Exception {
    String id = newInquiry();
    Pause held = desk.slack.pauseNext("chat.postMessage", Pause.At.BEFORE_RESPONDING);
    desk.app().pollNow();
    assertThat(held.awaitArrival(Await.DEFAULT)).isTrue();
    // More history queues up behind the card while its post hangs.
    desk.sim.setStatus(id, SimStatus.WAITING_FOR_BUYER_RESPONSE);
    desk.app().pollNow();
    desk.sim.addBuyerMessage(id, "Still nothing arrived");
    desk.app().pollNow();

    killAndRestart(held);

    List<SlackMessage> cards = desk.cardsOf(id);
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).blocks().toString()).contains("Still nothing arrived");
    List<String> replies = desk.replies(cards.get(0)).stream().map(BotDesk::key).toList();
    assertThat(replies).doesNotHaveDuplicates();
    assertThat(replies).anySatisfy(k -> assertThat(k).endsWith(":status"));
    assertThat(replies).anySatisfy(k -> assertThat(k).endsWith(":buyer-message"));
    assertThat(replies.stream().filter(k -> k.endsWith(":status"))).hasSize(2);
  }

  @Test
  void killedWhileAThreadReplyIsUnansweredLeavesThatReplyOnce() throws Exception {
    String id = newInquiry();
    desk.pollAndSettle();
    Pause held = desk.slack.pauseNext("chat.postMessage", Pause.At.BEFORE_RESPONDING);
    desk.sim.setStatus(id, SimStatus.WAITING_FOR_BUYER_RESPONSE);
    desk.app().pollNow();
    assertThat(held.awaitArrival(Await.DEFAULT)).isTrue();

    killAndRestart(held);

    SlackMessage card = desk.cardsOf(id).get(0);
    assertThat(desk.cardsOf(id)).hasSize(1);
    assertThat(desk.replies(card))
        .singleElement()
        .extracting(SlackMessage::text)
        .asString()
        .contains("Waiting for the buyer");
    assertThat(card.blocks().toString()).contains("Waiting for the buyer");
  }

  @Test
  void killedWhileTheImportSummaryIsUnansweredPostsItOnce() throws Exception {
    desk.app().close();
    BotDesk fresh = new BotDesk(dir.resolve("second"), DeskOptions.defaults());
    try (fresh) {
      fresh.sim.createDispute(
          SimDisputeSpec.builder().status(SimStatus.WAITING_FOR_SELLER_RESPONSE).build());
      fresh.start();
      Pause held = fresh.slack.pauseNext("chat.postMessage", Pause.At.BEFORE_RESPONDING);
      fresh.app().pollNow();
      assertThat(held.awaitArrival(Await.DEFAULT)).isTrue();
      fresh.app().close();
      held.releaseAndDrop();
      fresh.start();
      fresh.awaitSlackQuiet();

      assertThat(fresh.channelMessages()).hasSize(1);
      assertThat(fresh.cards()).hasSize(1);
    }
  }
}
