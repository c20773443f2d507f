package io.disputedesk;

import static io.disputedesk.ReplicaDesk.awaitQuiet;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.CardAction;
import io.disputedesk.slack.actions.ModalFields;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routes with two replicas on one PostgreSQL database: a dispute routed to two channels has one
 * card in each, and each change one reply in each thread, whichever replica polls or restarts; an
 * action from its second card reaches PayPal once.
 */
@OnPostgres
class RoutedReplicasTest {
  private static final String BIG = "C0BIGMONEY";

  private ReplicaDesk desk;
  private Channels slack;

  @BeforeEach
  void start(TestDatabase database) {
    desk = new ReplicaDesk(database.url());
    desk.slack.addChannel(BIG, "big-money");
    desk.with(
        "ROUTES",
        "[{channel: "
            + ReplicaDesk.CHANNEL
            + ", when: everything}, {channel: "
            + BIG
            + ", when: 500 USD}]");
    slack = new Channels(desk.slack);
  }

  @AfterEach
  void stop() throws Exception {
    desk.close();
  }

  private String bigInquiry() {
    return desk.sim.createDispute(
        SimDisputeSpec.builder().stage(SimStage.INQUIRY).amount("800.00", "USD").build());
  }

  @Test
  void concurrentPollsAndARestartGiveOneCardPerChannelAndOneReplyPerChangeInEach()
      throws Exception {
    RunningApp a = desk.replica(Desk.fast());
    RunningApp b = desk.replica(Desk.fast());
    desk.pollBoth(a, b);
    List<String> ids = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (String id : ids) {
        desk.sim.addBuyerMessage(id, "Any news? (round " + round + ")");
      }
      ids.add(bigInquiry());
      desk.pollBoth(a, b);
    }
    a.close();
    RunningApp again = desk.replica(Desk.fast());
    for (String id : ids) {
      desk.sim.addBuyerMessage(id, "After the restart");
    }
    desk.pollBoth(again, b);
    for (String id : ids) {
      ReplicaDesk.await(
          "the order facts on the cards of " + id,
          () -> slack.showsOrder(ReplicaDesk.CHANNEL, id) && slack.showsOrder(BIG, id));
    }
    ReplicaDesk.awaitQuiet(again);
    ReplicaDesk.awaitQuiet(b);

    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      int changes = 2 - i + 1;
      for (String channel : List.of(ReplicaDesk.CHANNEL, BIG)) {
        assertThat(slack.cards(channel, id)).as(id + " in " + channel).hasSize(1);
        assertThat(slack.replies(channel, id))
            .as("replies of " + id + " in " + channel)
            .hasSize(changes)
            .extracting(Desk::key)
            .doesNotHaveDuplicates();
        // One update per change, and one when the order facts arrive (fetched once, by one
        // replica).
        assertThat(slack.updatesOf(channel, id))
            .as("updates of " + id + " in " + channel)
            .isEqualTo(changes + 1);
      }
    }
  }

  @Test
  void aSubmissionFromTheSecondCardReachingBothReplicasCallsPayPalOnce() throws Exception {
    RunningApp a = desk.replica(Desk.fast());
    RunningApp b = desk.replica(Desk.fast());
    desk.pollBoth(a, b);
    String id = bigInquiry();
    desk.pollBoth(a, b);
    String ts = slack.card(BIG, id).ts();
    SignedPost.Reply click =
        desk.slackEvents(b)
            .send(
                SlackRequests.blockAction(CardAction.SEND_MESSAGE.buttonId())
                    .value(id)
                    .user(ReplicaDesk.AGENT, "agent")
                    .triggerId(desk.slack.issueTrigger(ReplicaDesk.AGENT))
                    .actionTs("1732700042.000001")
                    .inMessage(BIG, ts, desk.slack.hooksUrlFor(BIG, ts, ReplicaDesk.AGENT))
                    .body());
    assertThat(click.status()).isEqualTo(200);
    ReplicaDesk.await("the modal", () -> !desk.slack.openViews(ReplicaDesk.AGENT).isEmpty());
    SlackView view = desk.slack.openViews(ReplicaDesk.AGENT).get(0);
    desk.slack.closeViews(ReplicaDesk.AGENT);
    SlackBody submission =
        SlackRequests.viewSubmission(view.callbackId())
            .viewId(view.id())
            .privateMetadata(view.privateMetadata())
            .user(ReplicaDesk.AGENT, "agent")
            .state(
                new StateValues()
                    .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, "On its way."))
            .body();

    assertThat(
            ReplicaDesk.atOnce(
                () -> desk.slackEvents(a).send(submission),
                () -> desk.slackEvents(b).send(submission)))
        .extracting(SignedPost.Reply::status)
        .containsOnly(200);
    ActionStore actions = new ActionStore(a.database());
    ReplicaDesk.await(
        "the action to succeed", () -> !actions.inState(ActionStatus.SUCCEEDED).isEmpty());
    for (String channel : List.of(ReplicaDesk.CHANNEL, BIG)) {
      ReplicaDesk.await(
          "the reply in " + channel,
          () ->
              slack.replies(channel, id).stream().anyMatch(m -> m.text().contains("Send message")));
    }
    awaitQuiet(a);
    awaitQuiet(b);

    assertThat(desk.sim.count("send-message")).isEqualTo(1);
    for (String channel : List.of(ReplicaDesk.CHANNEL, BIG)) {
      assertThat(slack.replies(channel, id))
          .extracting(SlackMessage::text)
          .as(channel)
          .filteredOn(t -> t.contains("Send message"))
          .hasSize(1);
    }
  }
}
