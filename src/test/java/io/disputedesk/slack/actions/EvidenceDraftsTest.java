package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.drafts.EvidenceDraft;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimOutcome;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackClient;
import io.disputedesk.testing.StateValues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Evidence drafts end to end: saved in the thread, edited by another agent, submitted to PayPal
 * once.
 */
class EvidenceDraftsTest {
  private static final byte[] PDF =
      "%PDF-1.4 proof of delivery".getBytes(StandardCharsets.US_ASCII);

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  SlackClient client;
  EvidenceDraftStore drafts;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    client = new SlackClient(desk);
    drafts = new EvidenceDraftStore(desk.db, desk.clock);
  }

  @Test
  void aDraftIsSavedEditedByAnotherPersonAndSubmittedOnceWithItsFiles() {
    String id = tracked();
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    assertThat(form.blocks().toString()).contains(ModalFields.SAVE_DRAFT, "Save as a draft");
    desk.submit(
        form,
        CAROL,
        evidence("Delivered on the 3rd.")
            .fileInput(
                ModalFields.FILES,
                ModalFields.FILES,
                List.of(desk.attached(CAROL, "pod.pdf", "application/pdf", PDF)))
            .checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));

    String saved = desk.awaitThread(id, "Evidence draft");
    assertThat(saved).contains("<@" + CAROL + ">", "not sent to PayPal yet", "pod.pdf");
    assertThat(drafts.unsent()).containsEntry(id, 1);
    assertThat(desk.sim.requestsTo("provide-evidence")).isEmpty();

    // Alice (an approver, so also an agent) edits the notes; the form shows the draft as saved.
    SlackMessage draft = draftMessage(id, "Evidence draft* by");
    String draftId = buttonValue(draft, Ids.EDIT_DRAFT);
    SlackView edit = desk.openInThread(Ids.EDIT_DRAFT, draftId, ALICE, draft.ts());
    assertThat(element(edit, ModalFields.TRACKING).path("initial_value").asText())
        .isEqualTo("1Z999AA10123456784");
    assertThat(element(edit, ModalFields.NOTE).path("initial_value").asText())
        .isEqualTo("Delivered on the 3rd.");
    assertThat(element(edit, ModalFields.SAVE_DRAFT).path("initial_options").size()).isEqualTo(1);
    desk.submit(
        edit,
        ALICE,
        evidence("Delivered on the 3rd, signed by the buyer.")
            .checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));
    desk.awaitThread(id, "edited by <@" + ALICE + ">");
    EvidenceDraft edited = drafts.find(Long.parseLong(draftId)).orElseThrow();
    assertThat(edited.author()).isEqualTo(CAROL);
    assertThat(edited.updatedBy()).isEqualTo(ALICE);
    assertThat(edited.summary()).contains("pod.pdf");

    // Someone without a role cannot send it; it stays a draft.
    SlackMessage latest = draftMessage(id, "edited by");
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, DAVE, latest.ts());
    desk.awaitEphemeral(DAVE, "");
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.DRAFT);

    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, latest.ts());
    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    String body = desk.sim.requestsTo("provide-evidence").get(0).bodyText();
    assertThat(body)
        .contains(
            "\"tracking_number\":\"1Z999AA10123456784\"",
            "signed by the buyer",
            "filename=\"pod.pdf\"",
            "%PDF-1.4 proof of delivery");
    assertThat(drafts.unsent()).isEmpty();

    // Both messages of the draft (the save and the edit) now say it went, and by whom, with no
    // buttons left to click.
    List<SlackMessage> settled = awaitSettled(id, 2);
    assertThat(settled)
        .allSatisfy(
            m -> {
              assertThat(m.text())
                  .contains("sent to PayPal by <@" + CAROL + ">", "edited by <@" + ALICE + ">")
                  .doesNotContain("not sent to PayPal yet");
              assertThat(m.blocks().toString()).doesNotContain(Ids.SUBMIT_DRAFT, Ids.EDIT_DRAFT);
            });
    assertThat(settled)
        .extracting(SlackMessage::ts)
        .containsExactlyInAnyOrder(draft.ts(), latest.ts());
    desk.settle();
    assertThat(
            desk.slack.calls("chat.update").stream()
                .map(c -> c.param("ts"))
                .filter(ts -> ts.equals(draft.ts()) || ts.equals(latest.ts())))
        .as("each message updated once")
        .hasSize(2);

    // A second click is told it went already; PayPal got one request.
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, ALICE, latest.ts());
    assertThat(desk.awaitEphemeral(ALICE, "already sent")).contains("<@" + CAROL + ">");
    assertThat(desk.sim.requestsTo("provide-evidence")).hasSize(1);
  }

  @Test
  void anEditedDraftSentStraightFromItsFormIsClaimedSoItsButtonDoesNotSendItAgain() {
    String id = tracked();
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    desk.submit(
        form,
        CAROL,
        evidence("First words.").checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));
    SlackMessage draft = draftMessage(id, "Evidence draft* by");
    String draftId = buttonValue(draft, Ids.EDIT_DRAFT);

    SlackView edit = desk.openInThread(Ids.EDIT_DRAFT, draftId, CAROL, draft.ts());
    desk.submit(edit, CAROL, evidence("Sent from the form, not kept as a draft."));
    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    // The draft is recorded sent once PayPal's acceptance is: just after the action's row.
    awaitStatus(draftId, EvidenceDraft.Status.SENT);
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.SENT);

    assertThat(awaitSettled(id, 1))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.ts()).isEqualTo(draft.ts());
              assertThat(m.text()).contains("sent to PayPal by <@" + CAROL + ">");
            });

    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());
    desk.awaitEphemeral(CAROL, "already sent to PayPal");
    assertThat(desk.sim.requestsTo("provide-evidence"))
        .singleElement()
        .satisfies(r -> assertThat(r.bodyText()).contains("Sent from the form"));
  }

  @Test
  void aDraftPayPalRefusesStaysADraftAndIsSentAgainAsANewRequest() {
    String id = tracked();
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    desk.submit(
        form,
        CAROL,
        evidence("Delivered.").checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));
    SlackMessage draft = draftMessage(id, "Evidence draft* by");
    String draftId = buttonValue(draft, Ids.SUBMIT_DRAFT);

    desk.sim.refuseNext(
        "provide-evidence",
        "INVALID_TRACKING_NUMBER",
        "/evidences/0/evidence_info/tracking_info/0");
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());
    assertThat(desk.awaitEphemeral(CAROL, "The draft is kept"))
        .as("PayPal's reason, where Carol clicked")
        .contains("PayPal did not accept the draft: ");
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.DRAFT);
    // Refused, it is still a draft in the thread: its buttons stay.
    desk.awaitSlackQuiet();
    SlackMessage kept = desk.slack.message(DeskDriver.CHANNEL, draft.ts()).orElseThrow();
    assertThat(kept.text()).contains("not sent to PayPal yet");
    assertThat(kept.blocks().toString()).contains(Ids.SUBMIT_DRAFT);

    desk.clock.advance(java.time.Duration.ofSeconds(1));
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());
    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.sim.requestsTo("provide-evidence")).hasSize(2);
    awaitStatus(draftId, EvidenceDraft.Status.SENT);
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.SENT);
  }

  @Test
  void aDraftSentFromItsFormThatPayPalRefusesIsADraftAgainWithItsButtonsAndTheFormSaysWhy() {
    String id = tracked();
    SlackMessage draft = savedDraft(id);
    String draftId = buttonValue(draft, Ids.EDIT_DRAFT);

    desk.sim.refuseNext(
        "provide-evidence",
        "INVALID_TRACKING_NUMBER",
        "/evidences/0/evidence_info/tracking_info/0");
    SlackView edit = desk.openInThread(Ids.EDIT_DRAFT, draftId, CAROL, draft.ts());
    client.submit(edit, CAROL, evidence("Sent from the form."));

    // PayPal's reason is in the form, where Carol is; the draft is hers to fix and send again.
    client.awaitView(edit.id(), ResultViews.ERROR_BLOCK);
    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.FAILED);
    awaitStatus(draftId, EvidenceDraft.Status.DRAFT);
    assertThat(drafts.unsent()).containsEntry(id, 1);
    // The draft keeps her edit, and the thread shows it as saved now: what its buttons send.
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().formJson())
        .contains("Sent from the form.");
    Await.until(
        "the kept edit posted",
        () ->
            desk.thread(id).stream().filter(m -> m.text().contains("Evidence draft* by")).count()
                == 2);
    SlackMessage kept = draftMessage(id, "Evidence draft* by");
    assertThat(kept.ts()).isNotEqualTo(draft.ts());
    desk.settle();
    assertStillADraft(draft);
    assertStillADraft(kept);

    // Its button sends it now, and only now does the thread say it was sent.
    desk.clock.advance(java.time.Duration.ofSeconds(1));
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, ALICE, draft.ts());
    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    assertThat(awaitSettled(id, 2))
        .allSatisfy(m -> assertThat(m.text()).contains("sent to PayPal by <@" + ALICE + ">"));
    assertThat(desk.sim.requestsTo("provide-evidence")).hasSize(2);
    assertThat(desk.sim.requestsTo("provide-evidence").get(1).bodyText())
        .contains("Sent from the form.");
  }

  @Test
  void aDraftWhoseSendPayPalLeftUnansweredWaitsForTheLedgerAndIsADraftAgainWhenNothingWasDone() {
    String id = tracked();
    SlackMessage draft = savedDraft(id);
    String draftId = buttonValue(draft, Ids.EDIT_DRAFT);

    desk.sim.failNext("provide-evidence", 503, 1);
    SlackView edit = desk.openInThread(Ids.EDIT_DRAFT, draftId, CAROL, draft.ts());
    client.submit(edit, CAROL, evidence("Sent from the form."));

    client.awaitView(edit.id(), "did not answer in time");
    // Unknown only until the second look, 600 ms on: its audit entry is what stays.
    Await.until(
        "the send is recorded as unknown",
        () -> desk.auditOf(id).stream().anyMatch(e -> e.outcome().equals("UNKNOWN")));
    // Re-read after the follow-up delay, the dispute shows no such evidence: not done.
    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.FAILED);
    awaitStatus(draftId, EvidenceDraft.Status.DRAFT);
    desk.settle();
    assertThat(desk.auditOf(id))
        .extracting(e -> e.outcome())
        .containsSubsequence("UNKNOWN", "FAILED");
    assertStillADraft(draft);
    assertThat(desk.sim.requestsTo("provide-evidence")).hasSize(1);
  }

  @Test
  void aDraftWhoseSendPayPalLeftUnansweredIsNotSentAgainAndSaysSentOnceTheLedgerKnows() {
    String id = tracked();
    SlackMessage draft = savedDraft(id);
    String draftId = buttonValue(draft, Ids.SUBMIT_DRAFT);

    desk.sim.hangNext("provide-evidence");
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());
    // Both clicks are worked after their acks: Alice clicks once Carol's send is with PayPal.
    Await.until(
        "Carol's send reaches PayPal", () -> desk.sim.requestsTo("provide-evidence").size() == 1);
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, ALICE, draft.ts());
    assertThat(desk.awaitEphemeral(ALICE, "being sent to PayPal")).contains("<@" + CAROL + ">");

    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    assertThat(awaitSettled(id, 1))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("sent to PayPal by <@" + CAROL + ">"));
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.SENT);
    assertThat(desk.sim.requestsTo("provide-evidence")).hasSize(1);
  }

  @Test
  void slacksRetryOfAFormSendingADraftSendsNothingMoreAndLeavesTheAnswerToTheFirstDelivery() {
    String id = tracked();
    SlackMessage draft = savedDraft(id);
    String draftId = buttonValue(draft, Ids.EDIT_DRAFT);
    SlackView edit = desk.openInThread(Ids.EDIT_DRAFT, draftId, CAROL, draft.ts());

    client.submit(edit, CAROL, evidence("Sent from the form."));
    // Slack retries when our answer seemed late: the first delivery is under way by then.
    Await.until(
        "the first delivery claims the draft",
        () ->
            drafts.find(Long.parseLong(draftId)).orElseThrow().status()
                != EvidenceDraft.Status.DRAFT);
    SignedPost.Reply retry =
        desk.post.send(
            desk.submission(edit, CAROL, evidence("Sent from the form.")).body(),
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

    assertThat(retry.status()).isEqualTo(200);
    client.awaitView(edit.id(), "PayPal accepted it");
    assertThat(awaitSettled(id, 1))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("sent to PayPal by <@" + CAROL + ">"));
    // The retry's own work, after its ack, leaves no trace to wait for: wait until the bot is idle.
    desk.settle();
    assertThat(desk.sim.requestsTo("provide-evidence")).hasSize(1);
    assertThat(desk.slack.calls("views.update"))
        .as("the retry does not answer in the form")
        .noneMatch(c -> String.valueOf(c.param("view")).contains("nothing was sent again"));
  }

  @Test
  void aDraftOvertakenByTheDisputeSaysSoAndIsNotSent() {
    String id = tracked();
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    desk.submit(
        form,
        CAROL,
        evidence("Delivered.").checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));
    SlackMessage draft = draftMessage(id, "Evidence draft* by");
    String draftId = buttonValue(draft, Ids.SUBMIT_DRAFT);

    desk.sim.resolve(id, SimOutcome.RESOLVED_SELLER_FAVOUR, BigDecimal.ZERO);
    desk.poll();
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());

    assertThat(desk.awaitThread(id, "was not sent")).contains("no longer takes evidence");
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.OVERTAKEN);
    assertThat(drafts.unsent()).isEmpty();
    assertThat(desk.sim.requestsTo("provide-evidence")).isEmpty();
    assertThat(awaitSettled(id, 1))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.ts()).isEqualTo(draft.ts());
              assertThat(m.text())
                  .contains("not sent: the dispute moved on before it was submitted")
                  .doesNotContain("not sent to PayPal yet");
              assertThat(m.blocks().toString()).doesNotContain(Ids.SUBMIT_DRAFT);
            });
  }

  @Test
  void aDraftWhoseMessageCannotBeQueuedIsNotSavedUnseen() {
    String id = tracked();
    // The database refuses the draft's thread message, as if it failed right after the draft was
    // saved. (This class runs on SQLite.)
    TestDatabases.refuse(
        desk.db,
        "refuse_draft_message",
        "BEFORE INSERT ON slack_outbox",
        "NEW.dedupe_key LIKE 'thread:%:draft:%'");
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    desk.submit(
        form,
        CAROL,
        evidence("Delivered.").checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));
    desk.awaitEphemeral(CAROL, "while saving your evidence draft");
    assertThat(drafts.unsent())
        .as("saved with no message, the draft would be counted unsent and never be seen")
        .isEmpty();

    desk.db.update("DROP TRIGGER refuse_draft_message", ps -> {});
    savedDraft(id);
    assertThat(drafts.unsent()).containsExactly(Map.entry(id, 1));
  }

  @Test
  void aDraftWhoseOvertakingCannotBeSaidStaysADraftUntilTheThreadCanSayIt() {
    String id = tracked();
    SlackMessage draft = savedDraft(id);
    String draftId = buttonValue(draft, Ids.SUBMIT_DRAFT);
    // The database refuses the thread's note that the draft was overtaken, as if it failed right
    // after the draft was marked so. (This class runs on SQLite.)
    TestDatabases.refuse(
        desk.db,
        "refuse_overtaken",
        "BEFORE INSERT ON slack_outbox",
        "NEW.dedupe_key LIKE '%draft-overtaken%'");
    desk.sim.resolve(id, SimOutcome.RESOLVED_SELLER_FAVOUR, BigDecimal.ZERO);
    desk.poll();
    int audited = desk.auditOf(id).size();
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());
    Await.until("the click is refused", () -> desk.auditOf(id).size() > audited);
    desk.settle();
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().status())
        .as("overtaken with no word in the thread, its message would offer to send it for good")
        .isEqualTo(EvidenceDraft.Status.DRAFT);

    desk.db.update("DROP TRIGGER refuse_overtaken", ps -> {});
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());
    assertThat(desk.awaitThread(id, "was not sent")).contains("no longer takes evidence");
    awaitStatus(draftId, EvidenceDraft.Status.OVERTAKEN);
    assertThat(awaitSettled(id, 1))
        .singleElement()
        .satisfies(m -> assertThat(m.ts()).isEqualTo(draft.ts()));
    assertThat(desk.sim.requestsTo("provide-evidence")).isEmpty();
  }

  @Test
  void aDraftSentStraightFromItsFormWithoutNewFilesSendsTheDraftsFiles() {
    String id = tracked();
    SlackMessage draft = savedDraftWithFile(id);
    String draftId = buttonValue(draft, Ids.EDIT_DRAFT);

    // The form says the draft's files stay unless new ones are attached; Alice attaches none.
    SlackView edit = desk.openInThread(Ids.EDIT_DRAFT, draftId, ALICE, draft.ts());
    assertThat(edit.blocks().toString()).contains("The files of the draft");
    client.submit(edit, ALICE, evidence("Signed for by the buyer."));

    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.sim.requestsTo("provide-evidence"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.bodyText())
                    .contains(
                        "Signed for by the buyer.",
                        "filename=\"pod.pdf\"",
                        "%PDF-1.4 proof of delivery"));
    awaitStatus(draftId, EvidenceDraft.Status.SENT);
    assertThat(awaitSettled(id, 1))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("sent to PayPal by <@" + ALICE + ">"));
  }

  @Test
  void aDraftOfOnlyAFileNeedsNoNotesWhenItsFormIsSentWithoutNewFiles() {
    String id = tracked();
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    StateValues onlyAFile =
        new StateValues()
            .staticSelect(ModalFields.EVIDENCE_TYPE, ModalFields.EVIDENCE_TYPE, "OTHER", "Other");
    desk.submit(
        form,
        CAROL,
        onlyAFile
            .fileInput(
                ModalFields.FILES,
                ModalFields.FILES,
                List.of(desk.attached(CAROL, "receipt.pdf", "application/pdf", PDF)))
            .checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));
    SlackMessage draft = draftMessage(id, "Evidence draft* by");
    String draftId = buttonValue(draft, Ids.EDIT_DRAFT);

    // "Add notes or attach a file": the draft's file is attached, as the form says.
    SlackView edit = desk.openInThread(Ids.EDIT_DRAFT, draftId, ALICE, draft.ts());
    client.submit(
        edit,
        ALICE,
        new StateValues()
            .staticSelect(ModalFields.EVIDENCE_TYPE, ModalFields.EVIDENCE_TYPE, "OTHER", "Other"));

    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.sim.requestsTo("provide-evidence"))
        .singleElement()
        .satisfies(r -> assertThat(r.bodyText()).contains("filename=\"receipt.pdf\""));
    awaitStatus(draftId, EvidenceDraft.Status.SENT);
  }

  /** Carol saves a draft with a file (pod.pdf) on the dispute; returns its message. */
  private SlackMessage savedDraftWithFile(String disputeId) {
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), disputeId, CAROL);
    desk.submit(
        form,
        CAROL,
        evidence("Delivered on the 3rd.")
            .fileInput(
                ModalFields.FILES,
                ModalFields.FILES,
                List.of(desk.attached(CAROL, "pod.pdf", "application/pdf", PDF)))
            .checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));
    return draftMessage(disputeId, "Evidence draft* by");
  }

  /** Carol saves a draft on the dispute; returns its message in the thread. */
  private SlackMessage savedDraft(String disputeId) {
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), disputeId, CAROL);
    desk.submit(
        form,
        CAROL,
        evidence("Delivered.").checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));
    return draftMessage(disputeId, "Evidence draft* by");
  }

  private void awaitStatus(String draftId, EvidenceDraft.Status status) {
    Await.until(
        "draft " + draftId + " " + status,
        () -> drafts.find(Long.parseLong(draftId)).orElseThrow().status() == status);
  }

  /** The draft's message still offers its buttons and never said it was sent. */
  private void assertStillADraft(SlackMessage draft) {
    SlackMessage now = desk.slack.message(DeskDriver.CHANNEL, draft.ts()).orElseThrow();
    assertThat(now.text()).contains("not sent to PayPal yet");
    assertThat(now.blocks().toString()).contains(Ids.SUBMIT_DRAFT, Ids.EDIT_DRAFT);
    assertThat(desk.slack.calls("chat.update"))
        .as("the draft's message was never updated")
        .noneMatch(c -> draft.ts().equals(c.param("ts")));
  }

  private String tracked() {
    return desk.dispute(
        SimDisputeSpec.builder()
            .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
            .requestedEvidence("PROOF_OF_FULFILLMENT")
            .tracker("UPS", "1Z999AA10123456784", "DELIVERED"));
  }

  private static StateValues evidence(String notes) {
    return new StateValues()
        .staticSelect(
            ModalFields.EVIDENCE_TYPE,
            ModalFields.EVIDENCE_TYPE,
            "PROOF_OF_FULFILLMENT",
            "Fulfillment")
        .plainText(ModalFields.CARRIER, ModalFields.CARRIER, "UPS")
        .plainText(ModalFields.TRACKING, ModalFields.TRACKING, "1Z999AA10123456784")
        .plainText(ModalFields.NOTE, ModalFields.NOTE, notes);
  }

  private SlackMessage draftMessage(String disputeId, String text) {
    desk.awaitThread(disputeId, text);
    List<SlackMessage> found =
        desk.thread(disputeId).stream().filter(m -> m.text().contains(text)).toList();
    return found.get(found.size() - 1);
  }

  /** Waits until {@code count} messages of drafts say what became of them, and returns them. */
  private List<SlackMessage> awaitSettled(String disputeId, int count) {
    Await.until(count + " settled draft message(s)", () -> settled(disputeId).size() == count);
    return settled(disputeId);
  }

  private List<SlackMessage> settled(String disputeId) {
    return desk.thread(disputeId).stream()
        .filter(m -> m.text().startsWith(":memo: *Evidence draft* by") && m.text().contains(" — "))
        .toList();
  }

  private static String buttonValue(SlackMessage message, String actionId) {
    for (JsonNode block : message.blocks()) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no button " + actionId);
  }

  private static JsonNode element(SlackView view, String blockId) {
    for (JsonNode block : view.blocks()) {
      if (blockId.equals(block.path("block_id").asText())) {
        return block.path("element");
      }
    }
    throw new AssertionError("no block " + blockId);
  }
}
