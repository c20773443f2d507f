package io.disputedesk;

import static io.disputedesk.Replicas.awaitQuiet;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.SenderSettings;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.slack.actions.ModalFields;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.SyncState;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.Kinds;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas of the bot in one process on one PostgreSQL database, with one simulated PayPal and
 * one local Slack: whatever reaches either or both of them, Slack and PayPal see it once.
 */
@OnPostgres
class TwoReplicasTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.deferred(Replicas.options());

  private BotDesk desk;

  /** Per dispute, how many thread replies (and card updates) its changes should have produced. */
  private final Map<String, Integer> expectedReplies = new LinkedHashMap<>();

  @BeforeEach
  void start(TestDatabase database) {
    desk = bot.startOn(database.url());
  }

  /** Fast Slack pacing; scheduled polls only after an hour, so the test decides when polls run. */
  private RunningApp replicaPolledByHand() {
    return desk.replica(BotDesk.fast());
  }

  @Test
  void concurrentPollsOnBothReplicasGiveEachChangeOneCardUpdateAndOneReply() throws Exception {
    RunningApp a = replicaPolledByHand();
    RunningApp b = replicaPolledByHand();
    Replicas.pollBoth(a, b);
    List<String> ids = new ArrayList<>();

    for (int round = 0; round < 4; round++) {
      for (String id : ids) {
        change(id, round);
      }
      ids.add(newDispute());
      Replicas.pollBoth(a, b);
    }

    ids.forEach(this::awaitOrder);
    awaitQuiet(a);
    awaitQuiet(b);

    assertThat(desk.messages("message:")).as("the first run's one summary").hasSize(1);
    for (String id : ids) {
      assertThat(desk.replies(id))
          .as("replies of " + id)
          .hasSize(expectedReplies.get(id))
          .extracting(BotDesk::key)
          .doesNotHaveDuplicates();
      // One update per change, and one when the order facts arrive (fetched once, by one replica).
      assertThat(desk.cardUpdates(id))
          .as("card updates of " + id)
          .isEqualTo(expectedReplies.get(id).longValue() + 1);
    }
    assertThat(desk.sim.count("transactions-search"))
        .as("one order search per dispute")
        .isEqualTo(ids.size());
  }

  @Test
  void theSameWebhookReachingBothReplicasIsHandledOnce() throws Exception {
    RunningApp a = replicaPolledByHand();
    RunningApp b = replicaPolledByHand();
    Replicas.pollBoth(a, b);
    String id = newDispute();
    Replicas.pollBoth(a, b);
    desk.sim.setStatus(id, SimStatus.WAITING_FOR_BUYER_RESPONSE);
    // PayPal's delivery (or its retry) reaches both replicas behind the load balancer at once.
    String url = Replicas.webhookFrontDoor(desk, a, b);
    long readsBefore = desk.sim.count("get");

    assertThat(desk.sim.sendWebhook(url, "CUSTOMER.DISPUTE.UPDATED", id)).isEqualTo(200);
    Await.until("the webhook's thread reply", () -> desk.replies(id).size() == 1, Replicas.WAIT);
    assertThat(desk.sim.count("get") - readsBefore)
        .as("one replica re-read the dispute")
        .isEqualTo(1);
    Replicas.pollBoth(a, b);

    awaitOrder(id);
    awaitQuiet(a);
    awaitQuiet(b);

    assertThat(desk.replies(id)).hasSize(1);
    // The change, and the order facts arriving.
    assertThat(desk.cardUpdates(id)).isEqualTo(2L);
  }

  @Test
  void oneSubmissionReachingBothReplicasAtOnceCallsPayPalOnceAndSoDoesItsRetry() throws Exception {
    RunningApp a = replicaPolledByHand();
    RunningApp b = replicaPolledByHand();
    Replicas.pollBoth(a, b);
    String id = newDispute();
    Replicas.pollBoth(a, b);
    SlackView view =
        Replicas.openModal(desk, a, CardAction.SEND_MESSAGE.buttonId(), id, Replicas.AGENT);
    SlackBody submission =
        SlackRequests.viewSubmission(view.callbackId())
            .viewId(view.id())
            .privateMetadata(view.privateMetadata())
            .user(Replicas.AGENT, "agent")
            .state(
                new StateValues()
                    .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, "Your parcel left today."))
            .body();
    desk.sim.delayActions(Duration.ofMillis(500));

    // The load balancer hands the same submission to both replicas at the same moment.
    List<SignedPost.Reply> replies =
        Replicas.atOnce(
            () -> desk.signedPost(a).send(submission), () -> desk.signedPost(b).send(submission));
    assertThat(replies).extracting(SignedPost.Reply::status).containsOnly(200);
    ActionStore actions = new ActionStore(b.database(), Kinds.ACTIONS);
    Await.until(
        "the action to succeed",
        () -> !actions.inState(ActionStatus.SUCCEEDED).isEmpty(),
        Replicas.WAIT);
    // Slack retries the submission (its first delivery timed out), and the retry lands on the other
    // replica.
    assertThat(
            desk.signedPost(b)
                .send(
                    submission,
                    Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .status())
        .isEqualTo(200);
    AuditLog audit = new AuditLog(b.database());
    Await.until(
        "both repeats to be recognised",
        () ->
            audit.forDispute(id).stream().filter(e -> e.outcome().equals("DUPLICATE")).count() == 2,
        Replicas.WAIT);
    // The report is queued after the action is marked done: wait for it before the outbox can count
    // as drained.
    Await.until(
        "the report in the thread",
        () -> desk.replies(id).stream().anyMatch(m -> m.text().contains("Send message")),
        Replicas.WAIT);
    awaitQuiet(a);

    assertThat(desk.sim.count("send-message")).isEqualTo(1);
    assertThat(actions.inState(ActionStatus.SUCCEEDED))
        .singleElement()
        .satisfies(done -> assertThat(done.kind()).isEqualTo(ActionRequest.SendMessage.ACTION));
    assertThat(audit.forDispute(id)).extracting(AuditEntry::outcome).containsOnlyOnce("SUCCEEDED");
    assertThat(desk.replies(id))
        .extracting(SlackMessage::text)
        .filteredOn(t -> t.contains("Send message"))
        .hasSize(1);
  }

  @Test
  void aReplicaKilledMidPollLosesNothingAndTheOtherTakesOverThePolling() throws Exception {
    RunningApp a = desk.replica(shortLease(Duration.ofSeconds(3)));
    a.pollNow();
    awaitQuiet(a);
    Instant cursorBefore = new SyncState(a.database()).instant(DisputeSync.CURSOR).orElseThrow();
    String id = newDispute();
    long listsBefore = desk.sim.count("list");
    desk.sim.hangNext("list");
    // A's scheduled poll starts and hangs in PayPal's list call.
    Await.until(
        "A's scheduled poll to start", () -> desk.sim.count("list") > listsBefore, Replicas.WAIT);
    RunningApp b = desk.replica(shortLease(Duration.ofSeconds(1)));
    assertThat(TestDatabases.count(b.database(), "SELECT COUNT(*) FROM qrtz_scheduler_state"))
        .as("both replicas joined the Quartz cluster")
        .isEqualTo(2);

    // A dies: it can no longer reach the database (its poll never finishes, Quartz stops hearing
    // from it).
    a.database().close();

    // Quartz declares A dead about ten seconds later and runs the poll on B, which finds the new
    // dispute.
    Await.until("B's poll to post the card", () -> desk.cardsOf(id).size() == 1, Replicas.WAIT);
    awaitQuiet(b);
    assertThat(desk.cardsOf(id)).hasSize(1);
    assertThat(new SyncState(b.database()).instant(DisputeSync.CURSOR))
        .get()
        .satisfies(cursor -> assertThat(cursor).as("B's poll completed").isAfter(cursorBefore));

    // B goes on polling on schedule: the next interval's change shows once too.
    desk.sim.addBuyerMessage(id, "Any news?");
    Await.until("B's next scheduled poll", () -> desk.replies(id).size() == 1, Replicas.WAIT);
    awaitOrder(id);
    awaitQuiet(b);
    // The buyer's message, and the order facts B fetched after its poll.
    assertThat(desk.cardUpdates(id)).isEqualTo(2L);
    // Whatever A was sending when it died (the day's digest, say) was settled by B, and went out
    // once.
    assertThat(desk.slack.messages(BotDesk.CHANNEL))
        .extracting(BotDesk::key)
        .doesNotHaveDuplicates();
  }

  /**
   * Fast pacing, and a short lease with frequent recovery, so that a send a dead replica left
   * half-done is settled by the survivor within seconds (production: minutes).
   */
  private static RunOptions shortLease(Duration firstPollDelay) {
    SenderSettings s = BotDesk.fast().sender();
    return BotDesk.fast()
        .withFirstPollDelay(firstPollDelay)
        .withSender(
            new SenderSettings(
                s.sendInterval(),
                s.tick(),
                Duration.ofSeconds(3),
                s.batchSize(),
                s.maxAttempts(),
                s.backoffBase(),
                s.backoffCap(),
                s.maxInlineWait(),
                Duration.ofSeconds(1)));
  }

  /** Waits until the dispute's card shows the order the simulator holds for it. */
  private void awaitOrder(String id) {
    Await.until(
        "the order facts on the card of " + id,
        () ->
            desk.cardsOf(id).stream()
                .anyMatch(
                    m -> m.blocks() != null && m.blocks().toString().contains("Wireless earbuds")),
        Replicas.WAIT);
  }

  private String newDispute() {
    // Created now: the polls list what changed since their cursor, which has already passed older
    // times.
    String id =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .stage(SimStage.INQUIRY)
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("23.00", "USD")
                .buyerName("Ana Buyer")
                .build());
    expectedReplies.put(id, 0);
    return id;
  }

  /**
   * One change that PayPal reports with a new update time and the bot answers with exactly one
   * thread reply: the buyer writes again (the dispute stays waiting for us).
   */
  private void change(String id, int round) {
    desk.sim.addBuyerMessage(id, "Any news? (round " + round + ")");
    expectedReplies.merge(id, 1, Integer::sum);
  }
}
