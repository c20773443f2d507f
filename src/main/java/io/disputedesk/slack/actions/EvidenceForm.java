package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ADD_TRACKER;
import static io.disputedesk.slack.actions.ModalFields.CARRIER;
import static io.disputedesk.slack.actions.ModalFields.EVIDENCE_TYPE;
import static io.disputedesk.slack.actions.ModalFields.FILES;
import static io.disputedesk.slack.actions.ModalFields.ITEM;
import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalFields.REFUND_ID;
import static io.disputedesk.slack.actions.ModalFields.SAVE_DRAFT;
import static io.disputedesk.slack.actions.ModalFields.TRACKING;
import static io.disputedesk.slack.actions.ModalParts.checkbox;
import static io.disputedesk.slack.actions.ModalParts.choice;
import static io.disputedesk.slack.actions.ModalParts.filesInput;
import static io.disputedesk.slack.actions.ModalParts.find;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.select;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.ModalParts.textInput;
import static io.disputedesk.slack.actions.RequestForms.build;
import static io.disputedesk.slack.actions.RequestForms.put;

import com.slack.api.model.File;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionSummary;
import io.disputedesk.dispute.Words;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.ResponseRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Provide evidence, or appeal with the same inputs: the kind of evidence (the menu redraws the form
 * with the inputs PayPal needs for the kind chosen), the kind's own details (the shipment's carrier
 * and tracking number, pre-filled with what PayPal holds, the refund ids), the item when the order
 * has several, and notes or files for the other kinds. Evidence can be saved as a draft instead.
 */
final class EvidenceForm implements ActionForm {
  private final boolean appeal;

  /** {@code appeal}: the form appeals a decided case, offering the appeal affidavit first. */
  EvidenceForm(boolean appeal) {
    this.appeal = appeal;
  }

  @Override
  public View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    CardAction action = appeal ? CardAction.APPEAL : CardAction.PROVIDE_EVIDENCE;
    List<String> requested = d.evidenceRequestedFromSeller();
    List<String> types = EvidenceTypes.types(d, first());
    String type = EvidenceTypes.chosenType(types, values);
    List<OptionObject> options = types.stream().map(t -> choice(t, Words.evidenceType(t))).toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(summary(d));
    if (!requested.isEmpty()) {
      blocks.add(
          note(
              ":mag: PayPal asked for: *"
                  + requested.stream().map(Words::evidenceType).collect(Collectors.joining(", "))
                  + "*"));
    }
    String address = known.addressLine();
    if (address != null) {
      blocks.add(note(":house: Shipped to: " + address));
    }
    blocks.add(
        select(EVIDENCE_TYPE, "Kind of evidence", options, find(options, type), false, null, true));
    List<Dispute.Item> items = ResponseRules.items(d);
    if (ResponseRules.evidenceNeedsItem(d)) {
      List<OptionObject> itemOptions =
          items.stream().map(i -> choice(i.itemId(), itemLabel(i))).toList();
      blocks.add(
          select(
              ITEM,
              "Which item",
              itemOptions,
              find(itemOptions, values.selected(ITEM).orElse(null)),
              false,
              "The order has several items; PayPal needs to know which one this evidence is about."));
    }
    boolean shipment = ResponseRules.evidenceNeedsTracking(type);
    boolean refund = ResponseRules.evidenceNeedsRefundIds(type);
    if (shipment) {
      boolean returned = type.equals("PROOF_OF_RETURN");
      String of = returned ? "the return" : "the shipment";
      Optional<OrderFacts.Shipment> held = known.shipment(returned);
      if (held.isPresent() && !values.has(TRACKING)) {
        blocks.add(note(":truck: Filled in with the tracking PayPal holds for this payment."));
      }
      blocks.add(
          textInput(
              CARRIER,
              "Carrier",
              "The carrier of "
                  + of
                  + ", e.g. UPS, USPS, FedEx, DHL"
                  + " or Royal Mail; any other carrier is sent to PayPal by its name.",
              false,
              false,
              values.typedOr(CARRIER, held.map(OrderFacts.Shipment::carrier).orElse(null))));
      blocks.add(
          textInput(
              TRACKING,
              "Tracking number",
              "The tracking number of " + of + ".",
              false,
              false,
              values.typedOr(
                  TRACKING, held.map(OrderFacts.Shipment::trackingNumber).orElse(null))));
      if (TrackerForm.offered(type, known)) {
        blocks.add(
            checkbox(
                ADD_TRACKER,
                "Tracking at PayPal",
                "Also add this tracking to PayPal",
                values.checked(ADD_TRACKER),
                TrackerForm.hint(known)));
      }
    }
    if (refund) {
      blocks.add(
          textInput(
              REFUND_ID,
              "Refund transaction ID",
              "The PayPal transaction ID of the refund;" + " separate several with commas.",
              false,
              false,
              values.typedOr(REFUND_ID, EvidencePrefill.refundIds(d))));
    }
    String notesHint =
        shipment || refund
            ? "What the evidence shows."
            : "What the evidence shows; notes or a file" + " (or both) are needed.";
    blocks.add(noteInput(NOTE, "Notes", notesHint, true, values.typed(NOTE)));
    if (known.editingDraft()) {
      blocks.add(
          note(
              ":paperclip: The files of the draft (listed in the thread) stay unless you attach new ones"
                  + " here."));
    }
    blocks.add(filesInput("Files"));
    if (!appeal) {
      blocks.add(
          checkbox(
              SAVE_DRAFT,
              "Draft",
              "Save as a draft in the card's thread instead of sending",
              values.checked(SAVE_DRAFT)));
    }
    return modal(action, "Send to PayPal", metadata, blocks);
  }

  /**
   * Provide evidence, or appeal with the same inputs: the kind's own details (the shipment's
   * carrier and tracking number, the refund ids), the item when the order has several, and notes or
   * files for the other kinds.
   */
  @Override
  public FormResult read(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> offered = EvidenceTypes.types(dispute, first());
    Optional<String> type = form.selected(EVIDENCE_TYPE);
    if (type.isEmpty()) {
      errors.put(EVIDENCE_TYPE, "Pick the kind of evidence.");
    } else if (!offered.contains(type.get())) {
      errors.put(
          EVIDENCE_TYPE,
          ResponseRules.evidenceFits(dispute, type.get())
              ? "Pick one of the options."
              : "PayPal takes no proof of fulfillment on this kind of dispute; pick another kind.");
    }
    String item = null;
    if (ResponseRules.evidenceNeedsItem(dispute)) {
      List<String> ids = ResponseRules.items(dispute).stream().map(Dispute.Item::itemId).toList();
      item = form.selected(ITEM).filter(ids::contains).orElse(null);
      put(errors, ITEM, item == null ? "Pick the item this evidence is about." : null);
    }
    Optional<String> notes = RequestForms.note(form, errors, false, "notes");
    List<File> files = form.files(FILES);
    put(errors, FILES, Checks.files(files));
    Optional<String> carrier = form.text(CARRIER);
    Optional<String> tracking = form.text(TRACKING);
    List<String> refundIds =
        form.text(REFUND_ID).map(t -> List.of(t.split("[,;\\s]+"))).orElse(List.of()).stream()
            .filter(x -> !x.isBlank())
            .toList();
    String kind = type.orElse("");
    String what = ActionSummary.words(kind);
    if (ResponseRules.evidenceNeedsTracking(kind)) {
      put(
          errors,
          CARRIER,
          carrier.isEmpty()
              ? Character.toUpperCase(what.charAt(0))
                  + what.substring(1)
                  + " needs the carrier, e.g. UPS."
              : null);
      put(
          errors,
          TRACKING,
          tracking.isEmpty()
              ? Character.toUpperCase(what.charAt(0))
                  + what.substring(1)
                  + " needs the tracking number."
              : null);
    } else if (ResponseRules.evidenceNeedsRefundIds(kind)) {
      put(
          errors,
          REFUND_ID,
          refundIds.isEmpty() ? "Proof of refund needs the refund's transaction ID." : null);
    } else if (type.isPresent()
        && notes.isEmpty()
        && files.isEmpty()
        && !errors.containsKey(FILES)) {
      errors.put(NOTE, "Add notes or attach a file.");
    }
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    String text = notes.orElse(null);
    String itemId = item;
    return build(
        EVIDENCE_TYPE,
        () -> {
          EvidenceInput evidence =
              ResponseRules.evidenceNeedsTracking(kind)
                  ? EvidenceInput.shipment(kind, carrier.get(), tracking.get(), text, itemId)
                  : ResponseRules.evidenceNeedsRefundIds(kind)
                      ? EvidenceInput.proofOfRefund(refundIds, text).forItem(itemId)
                      : EvidenceInput.of(kind, text, null).forItem(itemId);
          return appeal
              ? new ActionRequest.Appeal(List.of(evidence), null)
              : new ActionRequest.ProvideEvidence(List.of(evidence), null);
        },
        files);
  }

  @Override
  public List<String> menus() {
    return List.of(EVIDENCE_TYPE);
  }

  @Override
  public EvidencePrefill prefill(
      Function<String, EvidencePrefill> known, String disputeId, boolean draft) {
    EvidencePrefill order = known.apply(disputeId);
    return draft && !appeal ? order.forDraft() : order;
  }

  /** The types offered before the common ones besides those PayPal asked for. */
  private List<String> first() {
    return appeal ? List.of("APPEAL_AFFIDAVIT") : List.of();
  }

  /** "Merino wool sweater (item 1)". */
  private static String itemLabel(Dispute.Item i) {
    String name = i.itemName() == null || i.itemName().isBlank() ? "Item" : i.itemName();
    return name + " (" + i.itemId() + ")";
  }
}
