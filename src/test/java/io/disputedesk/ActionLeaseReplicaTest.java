package io.disputedesk;

import static io.disputedesk.Replicas.awaitQuiet;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.actions.LeaseSettings;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.BeginResult;
import io.disputedesk.dispute.NewAction;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
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
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas on one PostgreSQL database: while one replica's PayPal call may still run, the other
 * (starting up, or sweeping for abandoned actions) leaves the action alone, and exactly one result
 * reaches the thread.
 */
@OnPostgres
class ActionLeaseReplicaTest {
  private static final String MESSAGE = "Your parcel left today.";
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.deferred(Replicas.options());

  private BotDesk desk;
  private String id;

  @BeforeEach
  void start(TestDatabase database) {
    desk = bot.startOn(database.url());
  }

  /**
   * Fast Slack pacing, scheduled polls only after an hour, and a quick second look at unclear
   * outcomes.
   */
  private static RunOptions options() {
    return BotDesk.fast().withActionFollowUp(Duration.ofMillis(500));
  }

  /** Replica A sends a message to the buyer, and PayPal takes {@code delay} to answer. */
  private Action sendOn(RunningApp a, Duration delay) throws Exception {
    a.pollNow();
    awaitQuiet(a);
    id =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .stage(SimStage.INQUIRY)
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("23.00", "USD")
                .build());
    a.pollNow();
    awaitQuiet(a);
    SlackView view =
        Replicas.openModal(desk, a, CardAction.SEND_MESSAGE.buttonId(), id, Replicas.AGENT);
    desk.sim.delayActions(delay);
    assertThat(
            desk.signedPost(a)
                .send(
                    SlackRequests.viewSubmission(view.callbackId())
                        .viewId(view.id())
                        .privateMetadata(view.privateMetadata())
                        .user(Replicas.AGENT, "agent")
                        .state(
                            new StateValues()
                                .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, MESSAGE))
                        .body())
                .status())
        .isEqualTo(200);
    ActionStore actions = new ActionStore(a.database(), Kinds.ACTIONS);
    Await.until(
        "A's call to be in flight",
        () -> !actions.inState(ActionStatus.IN_FLIGHT).isEmpty(),
        Replicas.WAIT);
    return actions.inState(ActionStatus.IN_FLIGHT).get(0);
  }

  /**
   * An action whose process died long ago, on the same dispute: whoever settles it has looked at
   * the in-flight actions after {@code leaseUntil}.
   */
  private Action abandoned(ActionStore actions, Instant leaseUntil) {
    return ((BeginResult.Started)
            actions.begin(
                new NewAction(
                    id,
                    ActionRequest.ProvideSupportingInfo.ACTION,
                    "dead:" + UUID.randomUUID(),
                    Replicas.AGENT,
                    ActionStatus.IN_FLIGHT,
                    null,
                    "{\"notes\":\"Tracking attached.\"}"),
                leaseUntil))
        .action();
  }

  /** The one report of A's call: PayPal accepted it, and nothing in the thread says otherwise. */
  private void assertReportedOnce(RunningApp a, ActionStore actions, Action running) {
    Await.until(
        "A's report in the thread",
        () -> desk.replies(id).stream().anyMatch(m -> m.text().contains("Send message")),
        Replicas.WAIT);
    awaitQuiet(a);
    assertThat(actions.find(running.id()).orElseThrow().status()).isEqualTo(ActionStatus.SUCCEEDED);
    List<String> replies =
        desk.replies(id).stream()
            .map(SlackMessage::text)
            .filter(t -> t.contains("Send message"))
            .toList();
    assertThat(replies)
        .singleElement()
        .satisfies(t -> assertThat(t).contains("PayPal accepted it"));
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
    assertThat(new AuditLog(a.database()).forDispute(id))
        .noneMatch(
            e ->
                e.action().equals("SEND_MESSAGE")
                    && (e.outcome().equals("UNKNOWN") || e.outcome().equals("FAILED")));
  }

  @Test
  void aReplicaStartingMinutesLaterLeavesARunningCallToItsOwner() throws Exception {
    RunningApp a = desk.replica(options());
    Action running = sendOn(a, Duration.ofSeconds(8));
    ActionStore actions = new ActionStore(a.database(), Kinds.ACTIONS);
    Action dead = abandoned(actions, Instant.now().minus(Duration.ofMinutes(40)));

    // B's clock runs 90 seconds ahead: to it, A's call has been running for a minute and a half.
    RunningApp b = desk.replica(options(), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(90)));

    Await.until(
        "B's start-up recovery to settle the abandoned action",
        () -> actions.find(dead.id()).orElseThrow().status() == ActionStatus.FAILED,
        Replicas.WAIT);
    assertThat(actions.find(running.id()).orElseThrow().status())
        .as("A's call, still running")
        .isEqualTo(ActionStatus.IN_FLIGHT);
    assertReportedOnce(a, actions, running);
    assertThat(b.port()).isNotEqualTo(a.port());
  }

  @Test
  void theRunningReplicasHeartbeatKeepsOtherReplicasSweepsAway() throws Exception {
    // A two-second lease renewed every 200 ms, and a call that takes three leases.
    RunOptions shortLease =
        options().withActionLease(new LeaseSettings(Duration.ofSeconds(2), Duration.ofMillis(200)));
    RunningApp a = desk.replica(shortLease);
    Action running = sendOn(a, Duration.ofSeconds(6));
    ActionStore actions = new ActionStore(a.database(), Kinds.ACTIONS);
    RunningApp b = desk.replica(shortLease);
    // Leased like A's first lease but later, and never renewed: it runs out after A's first lease
    // would have.
    Action dead = abandoned(actions, Instant.now().plus(Duration.ofSeconds(2)));

    Await.until(
        "a sweep to settle the abandoned action",
        () -> actions.find(dead.id()).orElseThrow().status() == ActionStatus.FAILED,
        Replicas.WAIT);
    Action stillRunning = actions.find(running.id()).orElseThrow();
    assertThat(stillRunning.status())
        .as("A's call, still running")
        .isEqualTo(ActionStatus.IN_FLIGHT);
    assertThat(stillRunning.leaseUntil())
        .as("renewed by A's heartbeat")
        .isAfter(running.leaseUntil());
    assertReportedOnce(a, actions, running);
    assertThat(b.port()).isNotEqualTo(a.port());
  }
}
