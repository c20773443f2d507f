package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.PayPalSamples;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbox rows that fail on the bot's side (a card that cannot be drawn, a dispute not stored, an
 * unreadable payload) count attempts, end FAILED with a note where people look, and stop holding
 * back their dispute's later rows.
 */
class OutboxUndeliverableTest {
  private static final String CHANNEL = "C0DISPUTES";
  private static final String INR = "detail-inquiry-inr-waiting-seller.json";

  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final ObjectMapper mapper = Json.newMapper();
  private LocalSlack slack;
  private Slack client;
  private Database db;
  private DisputeStore disputes;
  private CardStore cards;
  private OutboxStore outbox;
  private Notifier notifier;
  private OutboxSender sender;

  @BeforeEach
  void setUp() {
    slack = LocalSlack.start(LocalSlack.Settings.defaults().withClock(clock));
    slack.addChannel(CHANNEL, "disputes");
    client = SlackApps.newSlack(slack.apiUrl());
    db = TestDatabases.open(dir, clock);
    disputes = new DisputeStore(db, mapper);
    cards = new CardStore(db);
    outbox = new OutboxStore(db);
    notifier = new Notifier(outbox, mapper, CHANNEL, null);
    sender =
        new OutboxSender(
            db,
            outbox,
            cards,
            disputes,
            new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
            client.methods(slack.botToken()),
            mapper,
            clock,
            clock::advance,
            SenderSettings.defaults());
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    client.close();
    slack.close();
  }

  private OutboxRow row(String dedupeKey) {
    return Stream.of(OutboxRow.PENDING, OutboxRow.SENDING, OutboxRow.SENT, OutboxRow.FAILED)
        .flatMap(s -> outbox.inState(s).stream())
        .filter(r -> r.dedupeKey().equals(dedupeKey))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Sends until the row is given up, moving the clock to each retry; returns the texts posted on
   * the way.
   */
  private OutboxRow sendUntilFailed(String dedupeKey) {
    for (int i = 0; i < 20; i++) {
      sender.sendDue();
      OutboxRow r = row(dedupeKey);
      if (r.status().equals(OutboxRow.FAILED)) {
        return r;
      }
      clock.set(r.nextAttemptAt());
    }
    throw new AssertionError(dedupeKey + " was never given up");
  }

  private void breakStoredDispute(String disputeId) {
    db.inTransaction(
        c -> {
          try (var ps =
              c.prepareStatement("UPDATE disputes SET raw_json = ? WHERE dispute_id = ?")) {
            ps.setString(1, "{\"dispute_id\": ");
            ps.setString(2, disputeId);
            return ps.executeUpdate();
          }
        });
  }

  @Test
  void aCardThatCannotBeDrawnIsTriedAgainThenGivenUpWithAThreadNoteAndTheDisputesLaterRowsGoOut() {
    Dispute d = PayPalSamples.dispute(INR, j -> j.put("update_time", "2026-11-20T10:00:00Z"));
    disputes.upsert(d);
    notifier.refreshCard(d.disputeId(), "u1");
    sender.sendDue();
    String cardTs = cards.find(d.disputeId()).orElseThrow().ts();
    breakStoredDispute(d.disputeId());
    notifier.refreshCard(d.disputeId(), "u2");
    notifier.threadReply(d.disputeId(), "later", SlackPost.text("A later update"));

    sender.sendDue();
    OutboxRow waiting = row("card:" + d.disputeId() + ":u2");
    assertThat(waiting.status()).isEqualTo(OutboxRow.PENDING);
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.lastError()).isEqualTo("dispute not readable: StoreException");
    assertThat(slack.replies(CHANNEL, cardTs))
        .as("the later reply waits behind the card update")
        .isEmpty();

    OutboxRow failed = sendUntilFailed("card:" + d.disputeId() + ":u2");
    sender.sendDue();

    assertThat(failed.attempts()).isEqualTo(SenderSettings.defaults().maxAttempts());
    assertThat(slack.replies(CHANNEL, cardTs))
        .extracting(SlackMessage::text)
        .containsExactly(
            "A later update",
            ":warning: This dispute's card could not be updated (dispute not readable: StoreException) and was given"
                + " up after 8 tries. The details are in Dispute Desk's log; nothing changed in PayPal.");
    assertThat(outbox.failedCount()).isEqualTo(1);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void aCardOfADisputeThatIsNotStoredEndsFailedWithAChannelNote() {
    notifier.refreshCard("PP-D-4040", "u1");

    OutboxRow failed = sendUntilFailed("card:PP-D-4040:u1");
    sender.sendDue();

    assertThat(failed.lastError()).isEqualTo("dispute not stored");
    assertThat(slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .containsExactly(
            ":warning: The card of dispute PP-D-4040 could not be posted (dispute not stored) and was given up after 8"
                + " tries. The details are in Dispute Desk's log; nothing changed in PayPal.");
    assertThat(outbox.failedCount()).isEqualTo(1);
  }

  @Test
  void anUnreadablePayloadIsGivenUpWithANoteButAFailingNoteGetsNoNote() {
    outbox.enqueue(
        new OutboxEntry("message:digest:1", Notifier.MESSAGE, CHANNEL, null, "not json"));
    outbox.enqueue(
        new OutboxEntry("message#undeliverable#999", Notifier.MESSAGE, CHANNEL, null, "not json"));

    sendUntilFailed("message:digest:1");
    sendUntilFailed("message#undeliverable#999");
    sender.sendDue();

    List<String> posted = slack.messages(CHANNEL).stream().map(SlackMessage::text).toList();
    assertThat(posted)
        .singleElement()
        .asString()
        .startsWith(
            ":warning: A Dispute Desk message could not be posted" + " (unreadable payload)");
    assertThat(outbox.failedCount()).isEqualTo(2);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void aRowIsGivenUpOnlyWithItsNoteQueued() {
    outbox.enqueue(
        new OutboxEntry("message:digest:1", Notifier.MESSAGE, CHANNEL, null, "not json"));
    // The database refuses the note about a row given up, as if it failed right after the row was
    // marked failed. (This class runs on SQLite.)
    TestDatabases.refuse(
        db,
        "refuse_note",
        "BEFORE INSERT ON slack_outbox",
        "NEW.dedupe_key LIKE '%#undeliverable#%'");
    for (int i = 0; i < SenderSettings.defaults().maxAttempts() + 2; i++) {
      try {
        sender.sendDue();
      } catch (RuntimeException e) {
        // The note could not be queued.
      }
      OutboxRow r = row("message:digest:1");
      if (r.status().equals(OutboxRow.FAILED) || r.nextAttemptAt() == null) {
        break;
      }
      clock.set(r.nextAttemptAt());
    }

    assertThat(row("message:digest:1").status())
        .as("given up with no note, no one would ever hear the message was lost")
        .isNotEqualTo(OutboxRow.FAILED);
    assertThat(outbox.failedCount()).isZero();

    // Once the note can be queued, the row (left sending, settled at the next start) is given up
    // with it.
    db.update("DROP TRIGGER refuse_note", ps -> {});
    sender.recoverInterrupted();
    sendUntilFailed("message:digest:1");
    sender.sendDue();
    assertThat(slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .singleElement()
        .asString()
        .startsWith(":warning: A Dispute Desk message could not be posted (unreadable payload)");
  }
}
