package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A replica's sender on a database other replicas' senders share. */
class OutboxSenderReplicaTest {
  private static final String CHANNEL = "C0DISPUTES";

  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final ObjectMapper mapper = Json.newMapper();
  private LocalSlack slack;
  private Slack client;
  private Database db;
  private OutboxStore outbox;
  private Notifier notifier;

  @BeforeEach
  void setUp(TestDatabase database) {
    slack = LocalSlack.start(LocalSlack.Settings.defaults().withClock(clock));
    slack.addChannel(CHANNEL, "disputes");
    client = SlackApps.newSlack(slack.apiUrl());
    db = database.open(clock);
    outbox = new OutboxStore(db);
    notifier = new Notifier(outbox, mapper, CHANNEL, null);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    client.close();
    slack.close();
  }

  private OutboxSender sender(OutboxWorker worker) {
    return new OutboxSender(
        db,
        outbox,
        new CardStore(db),
        new DisputeStore(db, mapper),
        new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
        client.methods(slack.botToken()),
        mapper,
        clock,
        clock::advance,
        SenderSettings.defaults(),
        worker);
  }

  @EachDatabase
  void aStartingReplicaLeavesAnotherReplicasSendInFlightAloneUntilItsLeaseRunsOut() {
    notifier.channelMessage("summary", SlackPost.text("Imported 3 disputes"));
    OutboxRow inFlight =
        outbox
            .claimDue("outbox-other", clock.instant(), SenderSettings.defaults().lease(), 10)
            .get(0);
    outbox.markSending(inFlight.id());
    OutboxSender replica = sender(new OutboxWorker("outbox-me", false));

    assertThat(replica.settleAtStart()).isZero();
    assertThat(replica.sendDue()).isZero();
    assertThat(outbox.inState(OutboxRow.SENDING))
        .singleElement()
        .extracting(OutboxRow::claimedBy)
        .isEqualTo("outbox-other");
    assertThat(slack.messages(CHANNEL)).isEmpty();

    // The other replica died with the call unanswered: once its lease is over, the row is ours to
    // settle.
    clock.advance(SenderSettings.defaults().lease());
    assertThat(replica.settleAtStart()).isEqualTo(1);
    replica.sendDue();

    assertThat(slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .containsExactly("Imported 3 disputes");
    assertThat(outbox.inState(OutboxRow.SENT))
        .singleElement()
        .extracting(OutboxRow::attempts)
        .isEqualTo(2);
  }

  @EachDatabase
  void theOnlySenderSettlesEverySendingRowAtStart() {
    notifier.channelMessage("summary", SlackPost.text("Imported 3 disputes"));
    OutboxRow row =
        outbox.claimDue(OutboxSender.WORKER, clock.instant(), Duration.ofMinutes(2), 10).get(0);
    outbox.markSending(row.id());
    OutboxSender only = sender(OutboxWorker.single());

    assertThat(only.settleAtStart()).isEqualTo(1);
    only.sendDue();

    assertThat(slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .containsExactly("Imported 3 disputes");
  }
}
