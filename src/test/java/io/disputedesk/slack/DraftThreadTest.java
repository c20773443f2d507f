package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.BeginResult;
import io.disputedesk.dispute.NewAction;
import io.disputedesk.drafts.EvidenceDraft;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.Kinds;
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
  private static final String OTHER = "PP-D-2";

  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-12-04T09:00:00Z"));
  private Database db;
  private OutboxStore outbox;
  private EvidenceDraftStore drafts;
  private ActionStore ledger;
  private DraftThread thread;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    outbox = new OutboxStore(db);
    drafts = new EvidenceDraftStore(db, clock);
    ledger = new ActionStore(db, Kinds.ACTIONS);
    thread =
        new DraftThread(
            db, drafts, ledger, new Notifier(outbox, Json.newMapper(), "C0DISPUTE", null));
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

  @EachDatabase
  void aDraftFollowsItsActionWhenTheLedgerSettlesItLater() {
    ActionStore actions = new ActionStore(db, Kinds.ACTIONS);
    long sentByButton = drafts.create(DISPUTE, "{}", "Proof of fulfillment", "U1");
    thread.posted(drafts.find(sentByButton).orElseThrow());
    EvidenceDraft clicked = drafts.find(sentByButton).orElseThrow();
    assertThat(drafts.claim(sentByButton, "U2")).isTrue();
    Action confirmed =
        unknown(
            actions,
            DISPUTE,
            ActionRequest.ProvideEvidence.ACTION,
            DraftThread.buttonIntent(clicked));
    long sentFromForm = drafts.create(OTHER, "{}", "Proof of refund", "U1");
    assertThat(drafts.claim(sentFromForm, "U3")).isTrue();
    Action notDone =
        unknown(
            actions,
            OTHER,
            ActionRequest.ProvideEvidence.ACTION,
            "view:V1:dd_view_evidence:"
                + OTHER
                + ":1"
                + DraftThread.formIntentSuffix(sentFromForm));
    Action otherKind =
        unknown(actions, OTHER, ActionRequest.AcceptClaim.ACTION, "draft:" + sentFromForm + ":1");

    thread.followed(settle(actions, otherKind, ActionStatus.FAILED));
    assertThat(drafts.find(sentFromForm).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.SENDING);
    thread.followed(settle(actions, confirmed, ActionStatus.SUCCEEDED));
    thread.followed(settle(actions, notDone, ActionStatus.FAILED));

    assertThat(drafts.find(sentByButton).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.SENT);
    assertThat(edits())
        .singleElement()
        .satisfies(e -> assertThat(e.payload()).contains("sent to PayPal by <@U2>"));
    assertThat(drafts.find(sentFromForm).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.DRAFT);
  }

  @EachDatabase
  void aClaimWhoseSendNeverReachedTheLedgerIsADraftAgainOnceNoSendCanStillBeOnItsWay() {
    long lost = drafts.create(DISPUTE, "{}", "Proof of fulfillment", "U1");
    assertThat(drafts.claim(lost, "U2")).isTrue();
    long recorded = drafts.create(OTHER, "{}", "Proof of refund", "U1");
    EvidenceDraft clicked = drafts.find(recorded).orElseThrow();
    assertThat(drafts.claim(recorded, "U3")).isTrue();
    // Its send reached the ledger and is still waiting on PayPal: it is left to the ledger.
    Action waiting =
        unknown(
            ledger, OTHER, ActionRequest.ProvideEvidence.ACTION, DraftThread.buttonIntent(clicked));
    // An action of another kind whose key happens to read like a draft's is not its send.
    unknown(ledger, DISPUTE, ActionRequest.AcceptClaim.ACTION, "draft:" + lost + ":1");

    clock.advance(DraftThread.SEND_BEGINS_WITHIN.minusSeconds(1));
    assertThat(thread.releaseStuck(clock.instant())).isZero();
    assertThat(drafts.find(lost).orElseThrow().status()).isEqualTo(EvidenceDraft.Status.SENDING);

    clock.advance(Duration.ofSeconds(2));
    assertThat(thread.releaseStuck(clock.instant())).isEqualTo(1);
    assertThat(drafts.find(lost).orElseThrow().status()).isEqualTo(EvidenceDraft.Status.DRAFT);
    assertThat(drafts.find(recorded).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.SENDING);
    assertThat(edits()).isEmpty();

    // Once PayPal's acceptance is known the next sweep finds the draft sent.
    settle(ledger, waiting, ActionStatus.SUCCEEDED);
    assertThat(thread.releaseStuck(clock.instant())).isZero();
    assertThat(drafts.find(recorded).orElseThrow().status()).isEqualTo(EvidenceDraft.Status.SENT);
    assertThat(drafts.unsent()).containsOnlyKeys(DISPUTE);
  }

  @EachDatabase
  void aSendThatFailedInsideTheBotReleasesItsClaimUnlessItReachedTheLedger() {
    long beforeLedger = drafts.create(DISPUTE, "{}", "Proof of fulfillment", "U1");
    assertThat(drafts.claim(beforeLedger, "U2")).isTrue();
    thread.release(beforeLedger);
    assertThat(drafts.find(beforeLedger).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.DRAFT);

    long afterLedger = drafts.create(OTHER, "{}", "Proof of refund", "U1");
    assertThat(drafts.claim(afterLedger, "U3")).isTrue();
    Action failed =
        unknown(
            ledger,
            OTHER,
            ActionRequest.ProvideEvidence.ACTION,
            "view:V1:dd_view_evidence:" + OTHER + DraftThread.formIntentSuffix(afterLedger));
    thread.release(afterLedger);
    assertThat(drafts.find(afterLedger).orElseThrow().status())
        .as("its send is the ledger's until settled")
        .isEqualTo(EvidenceDraft.Status.SENDING);
    settle(ledger, failed, ActionStatus.FAILED);
    thread.release(afterLedger);
    assertThat(drafts.find(afterLedger).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.DRAFT);

    // Releasing a draft nobody claimed changes nothing.
    thread.release(beforeLedger);
    assertThat(drafts.find(beforeLedger).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.DRAFT);
  }

  private Action unknown(ActionStore actions, String disputeId, DisputeAction kind, String intent) {
    BeginResult begun =
        actions.begin(
            new NewAction(disputeId, kind, intent, "U2", ActionStatus.IN_FLIGHT, null, "{}"),
            clock.instant().plusSeconds(60));
    Action a = ((BeginResult.Started) begun).action();
    assertThat(
            actions.transition(
                a.id(), ActionStatus.IN_FLIGHT, ActionStatus.UNKNOWN, "no answer", null, null))
        .isTrue();
    return a;
  }

  private static Action settle(ActionStore actions, Action a, ActionStatus to) {
    assertThat(actions.transition(a.id(), ActionStatus.UNKNOWN, to, "settled", null, null))
        .isTrue();
    return actions.find(a.id()).orElseThrow();
  }

  private List<OutboxRow> edits() {
    return rows(Notifier.EDIT);
  }

  private List<OutboxRow> rows(String kind) {
    return outbox.inState(OutboxRow.PENDING).stream().filter(r -> r.kind().equals(kind)).toList();
  }
}
