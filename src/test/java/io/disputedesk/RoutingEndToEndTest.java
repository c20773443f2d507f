package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routes from the config file, end to end (simulator, local Slack, the started app): a card in
 * every routed channel, updated in place and replied to in each, none twice across restarts; a
 * dispute routed away leaves a card saying where it went.
 */
class RoutingEndToEndTest {
  static final String CLAIMS = "C0CLAIMS01";
  static final String BIG = "C0BIGMONEY";
  static final String ROUTES =
      "[{channel: "
          + CLAIMS
          + ", when: claim chargeback},"
          + " {channel: "
          + BIG
          + ", when: 500 USD},"
          + " {channel: "
          + BotDesk.CHANNEL
          + ", when: inquiry}]";

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;
  private Channels slack;

  @BeforeEach
  void start() {
    desk = bot.desk();
    desk.slack.addChannel(CLAIMS, "claims");
    desk.slack.addChannel(BIG, "big-money");
    slack = new Channels(desk.slack);
    desk.with("ROUTES", ROUTES).start();
    desk.pollAndSettle();
  }

  private String inquiry(String usd) {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount(usd, "USD")
            .createTime(Instant.now().minus(Duration.ofHours(2)))
            .sellerDueDate(Instant.now().plus(Duration.ofDays(3)))
            .build());
  }

  @Test
  void aDisputeMatchingTwoRoutesHasALiveCardInEachRepliedToInBothAndNoneTwiceAcrossARestart() {
    String id = inquiry("800.00");
    desk.pollAndSettle();

    assertThat(BotDesk.actionIds(slack.card(BotDesk.CHANNEL, id)))
        .contains(io.disputedesk.slack.actions.CardAction.SEND_MESSAGE.buttonId());
    assertThat(BotDesk.actionIds(slack.card(BIG, id)))
        .contains(io.disputedesk.slack.actions.CardAction.SEND_MESSAGE.buttonId());
    assertThat(slack.cards(CLAIMS, id)).isEmpty();
    // The order facts the bot fetches in the background redraw both cards once.
    Await.until(
        "the order facts on both cards",
        () -> slack.showsOrder(BotDesk.CHANNEL, id) && slack.showsOrder(BIG, id));
    desk.awaitSlackQuiet();

    desk.sim.addBuyerMessage(id, "Where is my parcel?");
    desk.pollAndSettle();
    for (String channel : new String[] {BotDesk.CHANNEL, BIG}) {
      assertThat(slack.replies(channel, id))
          .extracting(SlackMessage::text)
          .as(channel)
          .singleElement()
          .satisfies(t -> assertThat(t).contains("Where is my parcel?"));
      // The order facts arriving, and the buyer's message.
      assertThat(slack.updatesOf(channel, id)).as(channel).isEqualTo(2);
    }

    desk.app().close();
    desk.start();
    desk.sim.addBuyerMessage(id, "Hello?");
    desk.pollAndSettle();

    for (String channel : new String[] {BotDesk.CHANNEL, BIG}) {
      assertThat(slack.cards(channel, id)).as(channel).hasSize(1);
      assertThat(slack.replies(channel, id))
          .as(channel)
          .hasSize(2)
          .extracting(BotDesk::key)
          .doesNotHaveDuplicates();
    }
    assertThat(slack.messages(CLAIMS, "")).isEmpty();
  }

  @Test
  void aDisputeThatStopsMatchingAChannelsRouteLeavesACardThereSayingWhereItWent() {
    String id = inquiry("40.00");
    desk.pollAndSettle();
    SlackMessage before = slack.card(BotDesk.CHANNEL, id);
    assertThat(BotDesk.actionIds(before)).isNotEmpty();

    desk.sim.buyerEscalates(id);
    desk.pollAndSettle();

    SlackMessage left = slack.card(BotDesk.CHANNEL, id);
    assertThat(left.ts()).isEqualTo(before.ts());
    assertThat(left.blocks().toString())
        .contains("Moved to <#" + CLAIMS + ">", "no longer routed here");
    assertThat(BotDesk.actionIds(left)).as("no buttons where it no longer belongs").isEmpty();
    assertThat(BotDesk.actionIds(slack.card(CLAIMS, id))).isNotEmpty();
    assertThat(slack.replies(CLAIMS, id))
        .extracting(SlackMessage::text)
        .anySatisfy(t -> assertThat(t).contains("Stage: Inquiry → *Claim*"));
    long updatesLeft = slack.updatesOf(BotDesk.CHANNEL, id);
    int repliesLeft = desk.slack.replies(BotDesk.CHANNEL, left.ts()).size();

    desk.sim.addBuyerMessage(id, "I escalated because nobody answered.");
    desk.pollAndSettle();

    assertThat(slack.replies(CLAIMS, id))
        .extracting(SlackMessage::text)
        .anySatisfy(t -> assertThat(t).contains("nobody answered"));
    assertThat(slack.updatesOf(BotDesk.CHANNEL, id))
        .as("the card left behind is not touched again")
        .isEqualTo(updatesLeft);
    assertThat(desk.slack.replies(BotDesk.CHANNEL, left.ts())).hasSize(repliesLeft);
    assertThat(slack.cards(BotDesk.CHANNEL, id))
        .as("nothing deleted, nothing posted again")
        .hasSize(1);
  }

  @Test
  void subscriptionsFromSlackAreForApproversApplyAtTheNextChangeAndBackfillOnlyWhatNeedsUs() {
    String fraud = "C0FRAUD001";
    String risk = "C0RISK0001";
    desk.slack.addChannel(fraud, "fraud");
    desk.slack.addChannel(risk, "risk");
    String approver = SlackRequests.USER_ID;
    String viewer = "U0VIEWER01";
    desk.app().close();
    desk.with("APPROVERS", approver).with("VIEWERS", viewer).start();
    String waiting =
        desk.sim.createDispute(
            SimDisputeSpec.builder().reason(SimReason.UNAUTHORISED).amount("30.00", "USD").build());
    String quiet =
        desk.sim.createDispute(
            SimDisputeSpec.builder().reason(SimReason.UNAUTHORISED).amount("35.00", "USD").build());
    desk.sim.setStatus(quiet, io.disputedesk.sim.SimStatus.UNDER_REVIEW);
    desk.pollAndSettle();
    assertThat(slack.cards(CLAIMS, waiting)).hasSize(1);

    assertThat(
            slack
                .command(desk.app(), "test-signing-secret", "subscribe unauthorised", viewer, fraud)
                .path("text")
                .asText())
        .startsWith(":no_entry: Only approvers can change which disputes a channel follows.");
    assertThat(
            slack
                .command(
                    desk.app(), "test-signing-secret", "subscribe unauthorised", approver, fraud)
                .path("text")
                .asText())
        .startsWith(":white_check_mark: This channel now follows `unauthorised`.");
    desk.pollAndSettle();
    assertThat(slack.messages(fraud, ""))
        .as("a new subscription posts nothing by itself")
        .isEmpty();

    desk.sim.addBuyerMessage(waiting, "I never bought this.");
    desk.pollAndSettle();
    assertThat(BotDesk.actionIds(slack.card(fraud, waiting))).isNotEmpty();
    assertThat(slack.card(CLAIMS, waiting)).isNotNull();
    assertThat(slack.cards(fraud, quiet)).as("only the dispute that changed").isEmpty();
    assertThat(
            slack
                .command(desk.app(), "test-signing-secret", "subscriptions", viewer, fraud)
                .path("text")
                .asText())
        .contains("`unauthorised` (subscribed by <@" + approver + ">)");

    assertThat(
            slack
                .command(
                    desk.app(),
                    "test-signing-secret",
                    "subscribe unauthorised backfill",
                    approver,
                    risk)
                .path("text")
                .asText())
        .contains("Backfill: 2 open matching, 1 card posted here.");
    desk.settle();
    assertThat(slack.messages(risk, "message:"))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("2 open disputes match, 1 needs a response"));
    assertThat(slack.cards(risk, waiting)).hasSize(1);
    assertThat(slack.cards(risk, quiet)).isEmpty();

    assertThat(
            slack
                .command(desk.app(), "test-signing-secret", "unsubscribe", approver, fraud)
                .path("text")
                .asText())
        .startsWith(":white_check_mark: This channel no longer follows `unauthorised`.");
    desk.sim.addBuyerMessage(waiting, "Hello?");
    desk.pollAndSettle();
    assertThat(slack.card(fraud, waiting).blocks().toString())
        .contains("Moved to <#" + CLAIMS + ">, <#" + risk + ">");
  }
}
