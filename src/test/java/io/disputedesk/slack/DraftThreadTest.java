package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.drafts.EvidenceDraft;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.json.Json;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A draft's thread messages on SQLite and PostgreSQL: whichever comes second, a save's message or
 * the send's outcome, the message ends up saying what became of the draft.
 */
class DraftThreadTest {
  private static final String DISPUTE = "PP-D-1";

  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-12-04T09:00:00Z"));
  private Database db;
  private OutboxStore outbox;
  private EvidenceDraftStore drafts;
  private DraftThread thread;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    outbox = new OutboxStore(db);
    drafts = new EvidenceDraftStore(db, clock);
    thread = new DraftThread(drafts, new Notifier(outbox, Json.newMapper(), "C0DISPUTE", null));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void aSavedMessageQueuedAfterTheDraftWasSentIsUpdatedToSaySo() {
    long id = drafts.create(DISPUTE, "{}", "Proof of fulfillment", "U1");
    // The save passed its check (a draft) and is about to post; meanwhile the draft is claimed,
    // PayPal accepts it and its messages are settled: there are none yet.
    EvidenceDraft saved = drafts.find(id).orElseThrow();
    assertThat(drafts.claim(id, "U2")).isTrue();
    thread.after(id, ActionOutcome.of(ActionOutcome.Result.SUCCEEDED, null));
    assertThat(edits()).isEmpty();

    thread.posted(saved);

    assertThat(rows(Notifier.THREAD)).hasSize(1);
    assertThat(edits())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.payload())
                    .contains("sent to PayPal by <@U2>", "Proof of fulfillment"));
  }

  @EachDatabase
  void aMessageOfADraftStillBeingSentKeepsItsButtonsUntilPayPalAccepts() {
    long id = drafts.create(DISPUTE, "{}", "Proof of fulfillment", "U1");
    thread.posted(drafts.find(id).orElseThrow());
    clock.advance(Duration.ofSeconds(5));
    assertThat(drafts.update(id, "{}", "Proof of fulfillment, UPS", "U1")).isTrue();
    EvidenceDraft edited = drafts.find(id).orElseThrow();
    assertThat(drafts.claim(id, "U2")).isTrue();

    thread.after(id, ActionOutcome.of(ActionOutcome.Result.UNKNOWN, null));
    thread.posted(edited);
    assertThat(rows(Notifier.THREAD)).hasSize(2);
    assertThat(drafts.find(id).orElseThrow().status()).isEqualTo(EvidenceDraft.Status.SENDING);
    assertThat(edits()).isEmpty();

    thread.after(id, ActionOutcome.of(ActionOutcome.Result.SUCCEEDED, null));
    thread.after(id, ActionOutcome.of(ActionOutcome.Result.SUCCEEDED, null));
    assertThat(drafts.find(id).orElseThrow().status()).isEqualTo(EvidenceDraft.Status.SENT);
    assertThat(edits()).as("one update per message, however often settled").hasSize(2);
  }

  @EachDatabase
  void aRefusedDraftIsADraftAgainAndItsMessagesAreLeftAlone() {
    long id = drafts.create(DISPUTE, "{}", "Proof of fulfillment", "U1");
    thread.posted(drafts.find(id).orElseThrow());
    assertThat(drafts.claim(id, "U2")).isTrue();

    assertThat(thread.after(id, ActionOutcome.of(ActionOutcome.Result.FAILED, null)))
        .isEqualTo(EvidenceDraft.Status.DRAFT);

    assertThat(drafts.unsent()).containsEntry(DISPUTE, 1);
    assertThat(edits()).isEmpty();
  }

  private List<OutboxRow> edits() {
    return rows(Notifier.EDIT);
  }

  private List<OutboxRow> rows(String kind) {
    return outbox.inState(OutboxRow.PENDING).stream().filter(r -> r.kind().equals(kind)).toList();
  }
}
