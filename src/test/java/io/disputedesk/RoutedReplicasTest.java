package io.disputedesk;

import static io.disputedesk.Replicas.awaitQuiet;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.slack.actions.ModalFields;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.Kinds;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routes with two replicas on one PostgreSQL database: a dispute routed to two channels has one
 * card in each, and each change one reply in each thread, whichever replica polls or restarts; an
 * action from its second card reaches PayPal once.
 */
@OnPostgres
class RoutedReplicasTest {
  private static final String BIG = "C0BIGMONEY";

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.deferred(Replicas.options());

  private BotDesk desk;
  private Channels slack;

  @BeforeEach
  void start(TestDatabase database) {
    desk = bot.startOn(database.url());
    desk.slack.addChannel(BIG, "big-money");
    desk.with(
        "ROUTES",
        "[{channel: "
            + BotDesk.CHANNEL
            + ", when: everything}, {channel: "
            + BIG
            + ", when: 500 USD}]");
    slack = new Channels(desk.slack);
  }

  private String bigInquiry() {
    return desk.sim.createDispute(
        SimDisputeSpec.builder().stage(SimStage.INQUIRY).amount("800.00", "USD").build());
  }

  @Test
  void concurrentPollsAndARestartGiveOneCardPerChannelAndOneReplyPerChangeInEach()
      throws Exception {
    RunningApp a = desk.replica(BotDesk.fast());
    RunningApp b = desk.replica(BotDesk.fast());
    Replicas.pollBoth(a, b);
    List<String> ids = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (String id : ids) {
        desk.sim.addBuyerMessage(id, "Any news? (round " + round + ")");
      }
      ids.add(bigInquiry());
      Replicas.pollBoth(a, b);
    }
    a.close();
    RunningApp again = desk.replica(BotDesk.fast());
    for (String id : ids) {
      desk.sim.addBuyerMessage(id, "After the restart");
    }
    Replicas.pollBoth(again, b);
    for (String id : ids) {
      Await.until(
          "the order facts on the cards of " + id,
          () -> slack.showsOrder(BotDesk.CHANNEL, id) && slack.showsOrder(BIG, id),
          Replicas.WAIT);
    }
    Replicas.awaitQuiet(again);
    Replicas.awaitQuiet(b);

    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      int changes = 2 - i + 1;
      for (String channel : List.of(BotDesk.CHANNEL, BIG)) {
        assertThat(slack.cards(channel, id)).as(id + " in " + channel).hasSize(1);
        assertThat(slack.replies(channel, id))
            .as("replies of " + id + " in " + channel)
            .hasSize(changes)
            .extracting(BotDesk::key)
            .doesNotHaveDuplicates();
        // One update per change, and one when the order facts arrive (fetched once, by one
        // replica), unless the order facts' redraw and a change's update were pending together:
        // the card update lane then sends only the newer one, drawn from the state that has both.
        // Never more: no replica and no restart sends an update twice.
        assertThat(slack.updatesOf(channel, id))
            .as("updates of " + id + " in " + channel)
            .isBetween((long) changes, (long) changes + 1);
      }
    }
  }

  @Test
  void aSubmissionFromTheSecondCardReachingBothReplicasCallsPayPalOnce() throws Exception {
    RunningApp a = desk.replica(BotDesk.fast());
    RunningApp b = desk.replica(BotDesk.fast());
    Replicas.pollBoth(a, b);
    String id = bigInquiry();
    Replicas.pollBoth(a, b);
    String ts = slack.card(BIG, id).ts();
    SignedPost.Reply click =
        desk.signedPost(b)
            .send(
                SlackRequests.blockAction(CardAction.SEND_MESSAGE.buttonId())
                    .value(id)
                    .user(Replicas.AGENT, "agent")
                    .triggerId(desk.slack.issueTrigger(Replicas.AGENT))
                    .actionTs("1732700042.000001")
                    .inMessage(BIG, ts, desk.slack.hooksUrlFor(BIG, ts, Replicas.AGENT))
                    .body());
    assertThat(click.status()).isEqualTo(200);
    Await.until("the modal", () -> !desk.slack.openViews(Replicas.AGENT).isEmpty(), Replicas.WAIT);
    SlackView view = desk.slack.openViews(Replicas.AGENT).get(0);
    desk.slack.closeViews(Replicas.AGENT);
    SlackBody submission =
        SlackRequests.viewSubmission(view.callbackId())
            .viewId(view.id())
            .privateMetadata(view.privateMetadata())
            .user(Replicas.AGENT, "agent")
            .state(
                new StateValues()
                    .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, "On its way."))
            .body();

    assertThat(
            Replicas.atOnce(
                () -> desk.signedPost(a).send(submission),
                () -> desk.signedPost(b).send(submission)))
        .extracting(SignedPost.Reply::status)
        .containsOnly(200);
    ActionStore actions = new ActionStore(a.database(), Kinds.ACTIONS);
    Await.until(
        "the action to succeed",
        () -> !actions.inState(ActionStatus.SUCCEEDED).isEmpty(),
        Replicas.WAIT);
    for (String channel : List.of(BotDesk.CHANNEL, BIG)) {
      Await.until(
          "the reply in " + channel,
          () ->
              slack.replies(channel, id).stream().anyMatch(m -> m.text().contains("Send message")),
          Replicas.WAIT);
    }
    // The twin's work, on whichever replica lost, is over once it is recorded a duplicate.
    AuditLog audit = new AuditLog(a.database());
    Await.until(
        "the twin recognised as a duplicate",
        () ->
            audit.forDispute(id).stream().filter(e -> e.outcome().equals("DUPLICATE")).count() == 1,
        Replicas.WAIT);
    awaitQuiet(a);
    awaitQuiet(b);

    assertThat(desk.sim.count("send-message")).isEqualTo(1);
    for (String channel : List.of(BotDesk.CHANNEL, BIG)) {
      assertThat(slack.replies(channel, id))
          .extracting(SlackMessage::text)
          .as(channel)
          .filteredOn(t -> t.contains("Send message"))
          .hasSize(1);
    }
  }
}
