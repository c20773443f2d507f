package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.actions.ModalFields;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.ShiftableClock;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Snooze on two replicas sharing one PostgreSQL database and one clock: one submission reaching
 * both replicas at once snoozes once, and when its time passes both replicas' wake passes run at
 * the same moment, yet the thread gets one wake note and the card one redraw for it.
 */
@OnPostgres
class SnoozeReplicasTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.deferred(Replicas.options());

  private BotDesk desk;
  private final ShiftableClock clock = new ShiftableClock();

  @BeforeEach
  void start(TestDatabase database) {
    desk = bot.startOn(database.url()).with("AGENTS", Replicas.AGENT);
  }

  @Test
  void bothReplicasWakingTheSameSnoozeAtOncePostOneWakeNote() throws Exception {
    RunningApp a = desk.replica(BotDesk.fast(), clock);
    RunningApp b = desk.replica(BotDesk.fast(), clock);
    Replicas.pollBoth(a, b);
    String id =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .stage(SimStage.INQUIRY)
                .amount("23.00", "USD")
                .sellerDueDate(Instant.now().plus(Duration.ofDays(9)))
                .build());
    Replicas.pollBoth(a, b);
    // The order facts are fetched after the poll and redraw the card: before the redraws counted.
    desk.awaitOrderFacts(id);

    SlackView view = Replicas.openModal(desk, a, Ids.SNOOZE, id, Replicas.AGENT);
    LocalDateTime until =
        LocalDateTime.ofInstant(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MINUTES);
    SlackBody submission =
        SlackRequests.viewSubmission(view.callbackId())
            .viewId(view.id())
            .privateMetadata(view.privateMetadata())
            .user(Replicas.AGENT, "carol")
            .state(
                new StateValues()
                    .staticSelect(
                        ModalFields.SNOOZE_MODE, ModalFields.SNOOZE_MODE, "UNTIL", "Until a date")
                    .datepicker(
                        ModalFields.SNOOZE_DATE,
                        ModalFields.SNOOZE_DATE,
                        until.toLocalDate().toString())
                    .timepicker(
                        ModalFields.SNOOZE_TIME,
                        ModalFields.SNOOZE_TIME,
                        until.toLocalTime().toString()))
            .body();
    // The load balancer hands the same submission to both replicas at once.
    assertThat(
            Replicas.atOnce(
                () -> desk.signedPost(a).send(submission),
                () -> desk.signedPost(b).send(submission)))
        .extracting(SignedPost.Reply::status)
        .containsOnly(200);
    Await.until(
        "the snoozed card",
        () -> desk.onlyCard(id).blocks().toString().contains("*Snoozed*"),
        Replicas.WAIT);
    AuditLog audit = new AuditLog(a.database());
    Await.until(
        "both submissions handled",
        () -> audit.forDispute(id).stream().filter(e -> e.action().equals("SNOOZE")).count() == 2,
        Replicas.WAIT);
    assertThat(audit.forDispute(id))
        .filteredOn(e -> e.action().equals("SNOOZE"))
        .extracting(AuditEntry::outcome)
        .containsExactlyInAnyOrder("DONE", "DUPLICATE");
    Replicas.awaitQuiet(a);
    Replicas.awaitQuiet(b);
    assertThat(desk.replies(id))
        .extracting(SlackMessage::text)
        .singleElement()
        .asString()
        .startsWith(":zzz:");
    long updatesBefore = desk.cardUpdates(id);

    clock.advance(Duration.ofHours(3));
    Replicas.pollBoth(a, b);
    Replicas.pollBoth(a, b);
    Replicas.awaitQuiet(b);

    assertThat(desk.replies(id))
        .extracting(SlackMessage::text)
        .filteredOn(t -> t.startsWith(":alarm_clock:"))
        .singleElement()
        .asString()
        .startsWith(":alarm_clock: Woke up: the snooze is over.");
    assertThat(desk.replies(id)).hasSize(2);
    assertThat(desk.cardUpdates(id) - updatesBefore).as("one redraw for the wake").isEqualTo(1);
    assertThat(desk.onlyCard(id).blocks().toString()).doesNotContain("*Snoozed*");
    assertThat(audit.forDispute(id)).extracting(AuditEntry::action).containsOnlyOnce("WAKE");
  }
}
