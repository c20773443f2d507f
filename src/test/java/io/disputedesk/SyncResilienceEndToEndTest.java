package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimSeeds;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.PollResult;
import io.disputedesk.sync.SyncState;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * First runs, PayPal and Slack failures, deleted cards and stale reads, through the running app.
 */
class SyncResilienceEndToEndTest {
  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;

  @BeforeEach
  void create() {
    desk = bot.desk();
  }

  private String newInquiry() {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount("23.00", "USD")
            .createTime(Instant.now().minus(Duration.ofHours(2)))
            .build());
  }

  @Test
  void firstRunImportsHistoryWithOneSummaryAndCardsOnlyForThoseNeedingAResponse() {
    List<String> ids = SimSeeds.historic(desk.sim, 300, Clock.systemUTC(), new Random(7));
    long needing =
        ids.stream()
            .filter(
                id ->
                    desk.sim.get(id).path("status").asText().equals("WAITING_FOR_SELLER_RESPONSE"))
            .count();
    assertThat(needing).isBetween(20L, 80L);
    desk.start();

    PollResult result = desk.app().pollNow();
    desk.awaitSlackQuiet();

    assertThat(result.ok()).isTrue();
    assertThat(result.firstRun()).isTrue();
    assertThat(result.listed()).isEqualTo(300);
    assertThat(desk.sim.count("get")).isEqualTo((int) needing);
    assertThat(desk.channelMessages())
        .singleElement()
        .extracting(SlackMessage::text)
        .asString()
        .contains("Imported 300 disputes, " + needing + " need a response");
    assertThat(desk.cards()).hasSize((int) needing);
    assertThat(desk.cards()).allSatisfy(card -> assertThat(desk.replies(card)).isEmpty());
    assertThat(desk.slack.messages(BotDesk.CHANNEL)).hasSize((int) needing + 1);

    desk.sim.clearRequests();
    assertThat(desk.app().pollNow().firstRun()).isFalse();
    desk.settle();
    assertThat(desk.sim.count("get")).isZero();
    assertThat(desk.slack.messages(BotDesk.CHANNEL)).hasSize((int) needing + 1);
  }

  @Test
  void rateLimitOnPostMessageIsHonouredAndNothingIsLost() {
    desk.start();
    desk.pollAndSettle();
    String id = newInquiry();
    desk.slack.clearCalls();
    desk.slack.failNext("chat.postMessage", 1, Fault.rateLimited(1));

    desk.pollAndSettle();

    assertThat(desk.cardsOf(id)).hasSize(1);
    List<ApiCall> posts = desk.slack.calls("chat.postMessage");
    assertThat(posts).hasSize(2);
    assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void deletedCardIsPostedAgainOnItsNextUpdate() {
    desk.start();
    desk.pollAndSettle();
    String id = newInquiry();
    desk.pollAndSettle();
    SlackMessage first = desk.card(id).orElseThrow();
    desk.slack.deleteMessage(BotDesk.CHANNEL, first.ts());

    desk.sim.setStatus(id, SimStatus.WAITING_FOR_BUYER_RESPONSE);
    desk.pollAndSettle();

    List<SlackMessage> cards = desk.cardsOf(id);
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).ts()).isNotEqualTo(first.ts());
    assertThat(cards.get(0).blocks().toString()).contains("Waiting for the buyer");

    desk.sim.addBuyerMessage(id, "Any news?");
    desk.pollAndSettle();
    assertThat(desk.cardsOf(id))
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.ts()).isEqualTo(cards.get(0).ts());
              assertThat(desk.replies(card))
                  .extracting(SlackMessage::text)
                  .anySatisfy(t -> assertThat(t).contains("Any news?"));
            });
  }

  @Test
  void failedPollKeepsTheCursorAndTheNextPollCatchesUp() {
    desk.start();
    desk.pollAndSettle();
    SyncState state = new SyncState(desk.app().database());
    Instant cursor = state.instant(DisputeSync.CURSOR).orElseThrow();
    String id = newInquiry();
    desk.sim.failNext("list", 500, 5);

    PollResult failed = desk.app().pollNow();

    assertThat(failed.ok()).isFalse();
    assertThat(failed.error()).contains("500");
    assertThat(state.instant(DisputeSync.CURSOR)).contains(cursor);
    assertThat(state.string(DisputeSync.LAST_ERROR))
        .hasValueSatisfying(e -> assertThat(e).contains("500"));
    assertThat(desk.cardsOf(id)).isEmpty();

    desk.pollAndSettle();
    assertThat(desk.cardsOf(id)).hasSize(1);
    assertThat(state.instant(DisputeSync.LAST_SUCCESS)).isPresent();
  }

  @Test
  void anOlderReadNeverOverwritesTheCard() throws Exception {
    desk.start();
    desk.pollAndSettle();
    String id = newInquiry();
    desk.pollAndSettle();
    // The order facts are fetched after that poll and redraw the card: before the redraws counted.
    desk.awaitOrderFacts(id);
    ObjectMapper mapper = Json.newMapper();
    String stale = mapper.writeValueAsString(desk.sim.get(id));
    desk.sim.setStatus(id, SimStatus.WAITING_FOR_BUYER_RESPONSE);
    desk.pollAndSettle();
    int updates = desk.slack.calls("chat.update").size();
    int replies = desk.replies(desk.card(id).orElseThrow()).size();

    assertThat(desk.app().sync().apply(mapper.readValue(stale, Dispute.class).withRawJson(stale)))
        .isEmpty();
    desk.awaitSlackQuiet();

    SlackMessage card = desk.card(id).orElseThrow();
    assertThat(card.blocks().toString()).contains("Waiting for the buyer");
    assertThat(desk.slack.calls("chat.update")).hasSize(updates);
    assertThat(desk.replies(card)).hasSize(replies);
  }

  @Test
  void theSchedulerPollsOnItsOwn() {
    String id = newInquiry();
    desk.start(BotDesk.fast().withFirstPollDelay(Duration.ZERO));

    Await.until("the first scheduled poll to post the card", () -> desk.cardsOf(id).size() == 1);
    Await.until("the import summary", () -> desk.channelMessages().size() == 1);
  }
}
