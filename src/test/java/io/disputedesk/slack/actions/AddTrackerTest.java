package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.BeginResult;
import io.disputedesk.dispute.NewAction;
import io.disputedesk.drafts.EvidenceDraft;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.order.TrackerAddition;
import io.disputedesk.order.TrackerAdditionStore;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.NewTracker;
import io.disputedesk.paypal.ShipmentTracking;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Also add this tracking to PayPal" end to end: signed Slack submissions, the PayPal simulator's
 * evidence and tracker requests, the card's thread and order facts, drafts, and PayPal refusing.
 */
class AddTrackerTest {
  private static final String UPS = "1Z999AA10123456784";

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  TrackerAdditionStore trackers;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    trackers = new TrackerAdditionStore(desk.db);
  }

  @Test
  void trackingPayPalLacksIsAddedOnceWithTheEvidenceAndTheCardShowsIt() {
    String id = untracked();
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    assertThat(block(form, ModalFields.ADD_TRACKER).toString())
        .contains("Also add this tracking to PayPal", "PayPal holds no tracking for this payment");

    desk.submit(form, CAROL, evidence("UPS", UPS, "Shipped on the 2nd.", true));

    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    assertThat(desk.awaitThread(id, "Added tracking"))
        .contains("UPS " + UPS, "to PayPal", "<@" + CAROL + ">");
    // The form was closed, so its answer comes as a note, naming the tracking too.
    assertThat(desk.awaitEphemeral(CAROL, "PayPal accepted it"))
        .contains("Adding tracking UPS " + UPS);
    assertThat(desk.sim.requestsTo("provide-evidence"))
        .singleElement()
        .satisfies(r -> assertThat(r.bodyText()).contains("\"tracking_number\":\"" + UPS + "\""));
    SimRequest added = desk.sim.requestsTo("trackers-add").get(0);
    assertThat(added.bodyText())
        .contains(
            "\"transaction_id\":\"" + desk.sim.sellerTransactionId(id) + "\"",
            "\"tracking_number\":\"" + UPS + "\"",
            "\"carrier\":\"UPS\"",
            "\"status\":\"SHIPPED\"");
    assertThat(added.header("PayPal-Request-Id")).isNotBlank();
    assertThat(desk.sim.orders().trackingNumbers(id)).contains(UPS);

    // The order facts are fetched again at once, and the card shows the new tracking.
    Await.until(
        "the order facts show the tracker",
        () ->
            desk.orderFacts.find(id).map(OrderFacts::outbound).orElse(List.of()).stream()
                .anyMatch(s -> UPS.equals(s.trackingNumber())));
    Await.until(
        "the card shows the tracker",
        () ->
            desk.slack
                .message(DeskDriver.CHANNEL, desk.cardTs(id))
                .map(m -> m.blocks().toString().contains(UPS))
                .orElse(false));

    // Slack delivers the same submission again: it is refused (PayPal no longer takes evidence) or
    // a duplicate.
    int audited = desk.auditOf(id).size();
    SignedPost.Reply retry =
        desk.post.send(
            desk.submission(form, CAROL, evidence("UPS", UPS, "Shipped on the 2nd.", true)).body(),
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    assertThat(retry.status()).isEqualTo(200);
    Await.until("the retry is recorded", () -> desk.auditOf(id).size() > audited);
    desk.settle();
    assertThat(desk.sim.count("provide-evidence")).isEqualTo(1);
    assertThat(desk.sim.count("trackers-add")).isEqualTo(1);
    assertThat(desk.threadTexts(id)).filteredOn(t -> t.contains("Added tracking")).hasSize(1);
    assertThat(desk.auditOf(id)).extracting(AuditEntry::outcome).containsOnlyOnce("TRACKER_ADDED");
  }

  @Test
  void theBoxNamesTheCarrierPayPalHoldsAsTheCardDoesNotByItsCode() throws Exception {
    String number = "351557688663";
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .requestedEvidence("PROOF_OF_FULFILLMENT")
                .tracker("JPN_JAPAN_POST", number, "SHIPPED"));
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);

    // The card says "Japan Post `351557688663`"; so do the box's hint and its refusal.
    assertThat(block(form, ModalFields.ADD_TRACKER).toString())
        .contains("PayPal holds Japan Post " + number)
        .doesNotContain("JPN_JAPAN_POST");
    JsonNode body =
        desk.mapper.readTree(
            desk.submit(form, CAROL, evidence("Japan Post", number, "Delivered.", true)).body());
    assertThat(body.path("errors").path(ModalFields.ADD_TRACKER).asText())
        .contains("PayPal already holds tracking number " + number + " (Japan Post)");
    desk.settle();
    assertThat(desk.sim.count("provide-evidence")).isZero();
  }

  @Test
  void aNumberPayPalAlreadyHoldsIsRefusedOnTheBoxAndNothingIsSent() throws Exception {
    String id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .requestedEvidence("PROOF_OF_FULFILLMENT")
                .tracker("UPS", UPS, "SHIPPED"));
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    assertThat(block(form, ModalFields.ADD_TRACKER).toString()).contains("PayPal holds UPS " + UPS);

    SignedPost.Reply reply =
        desk.submit(form, CAROL, evidence("UPS", UPS.toLowerCase(), "Delivered.", true));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = desk.mapper.readTree(reply.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    assertThat(body.path("errors").path(ModalFields.ADD_TRACKER).asText())
        .contains("PayPal already holds tracking number", "untick this box");
    desk.settle();
    assertThat(desk.sim.count("provide-evidence")).isZero();
    assertThat(desk.sim.count("trackers-add")).isZero();
  }

  @Test
  void theBoxIsNotOfferedForEvidenceWithoutAShipmentToTheBuyer() {
    String id = untracked();
    SlackView other =
        desk.openWith(
            CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL, ModalFields.EVIDENCE_TYPE, "OTHER");
    assertThat(other.blocks().toString()).doesNotContain(ModalFields.ADD_TRACKER);
  }

  @Test
  void aTrackerPayPalRefusesLeavesTheEvidenceSentAndTheThreadSaysWhichPartWentThrough() {
    String id = untracked();
    desk.sim.refuseNext("trackers-add", "INVALID_TRACKING_NUMBER", "/trackers/0/tracking_number");
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);

    desk.submit(form, CAROL, evidence("UPS", UPS, "Shipped on the 2nd.", true));

    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    String said = desk.awaitThread(id, "adding tracking");
    assertThat(said)
        .contains(
            "The evidence went to PayPal",
            "UPS " + UPS,
            "did not work",
            "The evidence stands",
            "Add tracking");
    assertThat(desk.awaitThread(id, "PayPal accepted it")).contains("Provide evidence");
    assertThat(desk.sim.count("provide-evidence")).isEqualTo(1);
    assertThat(desk.sim.count("trackers-add")).isEqualTo(1);
    assertThat(desk.sim.orders().trackingNumbers(id)).doesNotContain(UPS);
    long actionId =
        desk.find(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED)
            .orElseThrow()
            .id();
    assertThat(trackers.find(actionId).orElseThrow().status())
        .isEqualTo(TrackerAddition.Status.FAILED);
    assertThat(desk.auditOf(id))
        .extracting(AuditEntry::outcome)
        .contains("SUCCEEDED", "TRACKER_FAILED");
  }

  @Test
  void theThreadNamesTheAddedTrackersCarrierAsPeopleWriteIt() {
    String id = untracked();
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);

    desk.submit(form, CAROL, evidence("Royal Mail", "RM123456785GB", "Shipped.", true));

    assertThat(desk.awaitThread(id, "Added tracking"))
        .contains("Royal Mail RM123456785GB")
        .doesNotContain("ROYAL_MAIL");
  }

  @Test
  void aLostAnswerIsSettledByReadingPayPalsTrackersNotBySendingAgain() {
    String id = untracked();
    desk.sim.hangNext("trackers-add");
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);

    desk.submit(form, CAROL, evidence("UPS", UPS, "Shipped on the 2nd.", true));

    assertThat(desk.awaitThread(id, "Added tracking")).contains("UPS " + UPS);
    assertThat(desk.sim.count("trackers-add")).isEqualTo(1);
    long actionId =
        desk.find(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED)
            .orElseThrow()
            .id();
    assertThat(trackers.find(actionId).orElseThrow().outcome()).contains("answer was lost");
  }

  @Test
  void aDraftKeepsTheChoiceAndItsSubmissionAddsAnOtherCarrierOnce() {
    String id = untracked();
    EvidenceDraftStore drafts = new EvidenceDraftStore(desk.db, desk.clock);
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    desk.submit(
        form,
        CAROL,
        evidence("Speedy Parcels Ltd", "SP-555-0101", "Left with a neighbour.", true)
            .checkboxes(ModalFields.SAVE_DRAFT, ModalFields.SAVE_DRAFT, "yes"));

    SlackMessage draft = draftMessage(id);
    assertThat(draft.text()).contains("also adds this tracking to PayPal");
    String draftId = buttonValue(draft, Ids.SUBMIT_DRAFT);
    assertThat(desk.sim.count("trackers-add")).isZero();

    // The form drawn from the draft has the box ticked.
    SlackView edit = desk.openInThread(Ids.EDIT_DRAFT, draftId, CAROL, draft.ts());
    assertThat(block(edit, ModalFields.ADD_TRACKER).path("element").path("initial_options").size())
        .isEqualTo(1);
    desk.slack.closeViews(CAROL);

    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());
    assertThat(desk.awaitThread(id, "Added tracking")).contains("Speedy Parcels Ltd SP-555-0101");
    assertThat(desk.sim.requestsTo("trackers-add"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.bodyText())
                    .contains(
                        "\"carrier\":\"OTHER\"",
                        "\"carrier_name_other\":\"Speedy Parcels Ltd\"",
                        "\"tracking_number\":\"SP-555-0101\""));
    assertThat(drafts.find(Long.parseLong(draftId)).orElseThrow().status())
        .isEqualTo(EvidenceDraft.Status.SENT);

    // Submitting the draft again sends nothing more.
    desk.clickInThread(Ids.SUBMIT_DRAFT, draftId, CAROL, draft.ts());
    desk.awaitEphemeral(CAROL, "already sent");
    desk.settle();
    assertThat(desk.sim.count("provide-evidence")).isEqualTo(1);
    assertThat(desk.sim.count("trackers-add")).isEqualTo(1);
  }

  @Test
  void aTrackerAStoppedRunLeftPlannedIsSentOnceAtRestart() throws Exception {
    String id = untracked();
    desk.stopApp();
    Action evidence = evidenceThatWentThrough(id);
    trackers.plan(
        evidence.id(), id, NewTracker.typed(desk.sim.sellerTransactionId(id), "UPS", UPS));

    desk.start();
    assertThat(desk.awaitThread(id, "Added tracking")).contains("UPS " + UPS);
    desk.stopApp();
    desk.start();
    desk.settle();

    assertThat(desk.sim.count("trackers-add")).isEqualTo(1);
    assertThat(desk.sim.requestsTo("trackers-add").get(0).header("PayPal-Request-Id"))
        .isEqualTo(trackers.find(evidence.id()).orElseThrow().requestId());
    assertThat(desk.sim.orders().trackingNumbers(id)).contains(UPS);
  }

  @Test
  void aTrackerWhoseSenderStoppedMidCallIsFoundAtPayPalAndNotSentAgain() throws Exception {
    String id = untracked();
    desk.stopApp();
    Action evidence = evidenceThatWentThrough(id);
    NewTracker tracker = NewTracker.typed(desk.sim.sellerTransactionId(id), "UPS", UPS);
    trackers.plan(evidence.id(), id, tracker);
    Instant now = desk.clock.instant();
    assertThat(trackers.claim(evidence.id(), now, now.plus(Duration.ofMinutes(10)))).isTrue();
    // The stopped run's call reached PayPal; its answer never got recorded.
    new ShipmentTracking(desk.paypal)
        .add(tracker, trackers.find(evidence.id()).orElseThrow().requestId());
    desk.clock.advance(Duration.ofMinutes(11));

    desk.start();

    assertThat(desk.awaitThread(id, "Added tracking")).contains("UPS " + UPS);
    desk.settle();
    assertThat(desk.sim.count("trackers-add")).isEqualTo(1);
    assertThat(trackers.find(evidence.id()).orElseThrow().outcome()).contains("found at PayPal");
  }

  @Test
  void aTrackerWhoseAdditionCannotBeRecordedIsFoundAtPayPalLaterAndSaidInTheThreadOnce() {
    String id = untracked();
    // The database refuses the audit of PayPal's adding the tracker, as if it failed right after
    // the tracker was recorded added. (This class runs on SQLite.)
    TestDatabases.refuse(
        desk.db,
        "refuse_added",
        "BEFORE INSERT ON audit_log",
        "NEW.outcome = 'TRACKER_ADDED' AND NEW.detail = 'PayPal added it'");
    SlackView form = desk.open(CardAction.PROVIDE_EVIDENCE.buttonId(), id, CAROL);
    desk.submit(form, CAROL, evidence("UPS", UPS, "Shipped on the 2nd.", true));
    desk.awaitAction(id, ActionRequest.ProvideEvidence.ACTION, ActionStatus.SUCCEEDED);
    desk.awaitEphemeral(CAROL, "Something went wrong inside Dispute Desk");
    assertThat(desk.sim.count("trackers-add")).isEqualTo(1);

    desk.stopApp();
    desk.clock.advance(Duration.ofMinutes(11));
    desk.start();

    assertThat(desk.awaitThread(id, "Added tracking"))
        .as("added with nothing in the thread would be added for good, never said")
        .contains("UPS " + UPS);
    desk.settle();
    assertThat(desk.threadTexts(id)).filteredOn(t -> t.contains("Added tracking")).hasSize(1);
    assertThat(desk.auditOf(id)).extracting(AuditEntry::outcome).containsOnlyOnce("TRACKER_ADDED");
    assertThat(desk.sim.count("trackers-add")).isEqualTo(1);
  }

  /** A provide-evidence action that went through, as a run that then stopped recorded it. */
  private Action evidenceThatWentThrough(String id) throws Exception {
    ActionRequest request =
        new ActionRequest.ProvideEvidence(
            List.of(EvidenceInput.shipment("PROOF_OF_FULFILLMENT", "UPS", UPS, "Shipped.", null)),
            null);
    BeginResult begun =
        desk.actions.begin(
            new NewAction(
                id,
                ActionRequest.ProvideEvidence.ACTION,
                "crash:" + id,
                CAROL,
                ActionStatus.IN_FLIGHT,
                null,
                desk.mapper.writeValueAsString(request)),
            desk.clock.instant().plusSeconds(60));
    Action action = ((BeginResult.Started) begun).action();
    desk.actions.transition(
        action.id(),
        ActionStatus.IN_FLIGHT,
        ActionStatus.SUCCEEDED,
        "PayPal accepted it",
        null,
        null);
    return action;
  }

  private String untracked() {
    return desk.dispute(
        SimDisputeSpec.builder()
            .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
            .requestedEvidence("PROOF_OF_FULFILLMENT")
            .noTracker());
  }

  static StateValues evidence(String carrier, String number, String notes, boolean addTracker) {
    StateValues v =
        new StateValues()
            .staticSelect(
                ModalFields.EVIDENCE_TYPE,
                ModalFields.EVIDENCE_TYPE,
                "PROOF_OF_FULFILLMENT",
                "Fulfillment")
            .plainText(ModalFields.CARRIER, ModalFields.CARRIER, carrier)
            .plainText(ModalFields.TRACKING, ModalFields.TRACKING, number)
            .plainText(ModalFields.NOTE, ModalFields.NOTE, notes);
    return addTracker ? v.checkboxes(ModalFields.ADD_TRACKER, ModalFields.ADD_TRACKER, "yes") : v;
  }

  private SlackMessage draftMessage(String disputeId) {
    desk.awaitThread(disputeId, "Evidence draft");
    List<SlackMessage> found =
        desk.thread(disputeId).stream().filter(m -> m.text().contains("Evidence draft")).toList();
    return found.get(found.size() - 1);
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

  private static JsonNode block(SlackView view, String blockId) {
    for (JsonNode block : view.blocks()) {
      if (blockId.equals(block.path("block_id").asText())) {
        return block;
      }
    }
    throw new AssertionError("no block " + blockId + " in " + view.blocks());
  }
}
