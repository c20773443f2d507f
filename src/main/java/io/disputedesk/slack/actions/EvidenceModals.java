package io.disputedesk.slack.actions;

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

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionKind;
import io.disputedesk.dispute.Words;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.ResponseRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The modals that argue the case: Provide evidence and Appeal (same inputs), and Provide supporting
 * info.
 */
final class EvidenceModals {
  /** Offered after the types PayPal asked for; the full list has 71, far past a useful menu. */
  static final List<String> COMMON_TYPES =
      List.of(
          "PROOF_OF_FULFILLMENT",
          "PROOF_OF_DELIVERY_SIGNATURE",
          "PROOF_OF_REFUND",
          "PROOF_OF_RECEIPT_COPY",
          "RETURN_POLICY",
          "ITEM_DESCRIPTION",
          "PROOF_OF_SHIPMENT_POSTAGE",
          "ONLINE_TRACKING_INFORMATION",
          "PHOTOS_OF_SHIPPED_ITEM",
          "COPY_OF_CONTRACT",
          "PROOF_FOR_SOFTWARE_OR_SERVICE_DELIVERED",
          "PROOF_OF_RETURN",
          "OTHER");

  private EvidenceModals() {}

  static View provideEvidence(
      Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    return evidence(
        d,
        metadata,
        CardAction.PROVIDE_EVIDENCE.viewId(),
        ActionKind.of(DisputeAction.PROVIDE_EVIDENCE).title(),
        List.of(),
        values,
        known);
  }

  static View appeal(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    return evidence(
        d,
        metadata,
        CardAction.APPEAL.viewId(),
        ActionKind.of(DisputeAction.APPEAL).title(),
        List.of("APPEAL_AFFIDAVIT"),
        values,
        known);
  }

  /**
   * The evidence types the form offers: those PayPal asked for first, then common ones PayPal takes
   * here.
   */
  static List<String> types(Dispute d, List<String> first) {
    List<String> requested = d.evidenceRequestedFromSeller();
    Set<String> types = new LinkedHashSet<>(requested);
    types.addAll(first);
    COMMON_TYPES.stream().filter(t -> ResponseRules.evidenceFits(d, t)).forEach(types::add);
    return types.stream().limit(100).toList();
  }

  /** The type chosen in the form, else the first offered. */
  static String chosenType(List<String> types, FormReader values) {
    return values.selected(ModalFields.EVIDENCE_TYPE).filter(types::contains).orElse(types.get(0));
  }

  private static View evidence(
      Dispute d,
      String metadata,
      String callbackId,
      String title,
      List<String> first,
      FormReader values,
      EvidencePrefill known) {
    List<String> requested = d.evidenceRequestedFromSeller();
    List<String> types = types(d, first);
    String type = chosenType(types, values);
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
        select(
            ModalFields.EVIDENCE_TYPE,
            "Kind of evidence",
            options,
            find(options, type),
            false,
            null,
            true));
    List<Dispute.Item> items = ResponseRules.items(d);
    if (ResponseRules.evidenceNeedsItem(d)) {
      List<OptionObject> itemOptions =
          items.stream().map(i -> choice(i.itemId(), itemLabel(i))).toList();
      blocks.add(
          select(
              ModalFields.ITEM,
              "Which item",
              itemOptions,
              find(itemOptions, values.selected(ModalFields.ITEM).orElse(null)),
              false,
              "The order has several items; PayPal needs to know which one this evidence is about."));
    }
    boolean shipment = ResponseRules.evidenceNeedsTracking(type);
    boolean refund = ResponseRules.evidenceNeedsRefundIds(type);
    if (shipment) {
      boolean returned = type.equals("PROOF_OF_RETURN");
      String of = returned ? "the return" : "the shipment";
      Optional<OrderFacts.Shipment> held = known.shipment(returned);
      if (held.isPresent() && !values.has(ModalFields.TRACKING)) {
        blocks.add(note(":truck: Filled in with the tracking PayPal holds for this payment."));
      }
      blocks.add(
          textInput(
              ModalFields.CARRIER,
              "Carrier",
              "The carrier of "
                  + of
                  + ", e.g. UPS, USPS, FedEx, DHL"
                  + " or Royal Mail; any other carrier is sent to PayPal by its name.",
              false,
              false,
              values.typedOr(
                  ModalFields.CARRIER, held.map(OrderFacts.Shipment::carrier).orElse(null))));
      blocks.add(
          textInput(
              ModalFields.TRACKING,
              "Tracking number",
              "The tracking number of " + of + ".",
              false,
              false,
              values.typedOr(
                  ModalFields.TRACKING,
                  held.map(OrderFacts.Shipment::trackingNumber).orElse(null))));
      if (TrackerForm.offered(type, known)) {
        blocks.add(
            checkbox(
                ModalFields.ADD_TRACKER,
                "Tracking at PayPal",
                "Also add this tracking to PayPal",
                values.checked(ModalFields.ADD_TRACKER),
                TrackerForm.hint(known)));
      }
    }
    if (refund) {
      blocks.add(
          textInput(
              ModalFields.REFUND_ID,
              "Refund transaction ID",
              "The PayPal transaction ID of the refund;" + " separate several with commas.",
              false,
              false,
              values.typedOr(ModalFields.REFUND_ID, EvidencePrefill.refundIds(d))));
    }
    String notesHint =
        shipment || refund
            ? "What the evidence shows."
            : "What the evidence shows; notes or a file" + " (or both) are needed.";
    blocks.add(
        noteInput(ModalFields.NOTE, "Notes", notesHint, true, values.typed(ModalFields.NOTE)));
    if (known.editingDraft()) {
      blocks.add(
          note(
              ":paperclip: The files of the draft (listed in the thread) stay unless you attach new ones"
                  + " here."));
    }
    blocks.add(filesInput("Files"));
    if (callbackId.equals(CardAction.PROVIDE_EVIDENCE.viewId())) {
      blocks.add(
          checkbox(
              ModalFields.SAVE_DRAFT,
              "Draft",
              "Save as a draft in the card's thread instead of sending",
              values.checked(ModalFields.SAVE_DRAFT)));
    }
    return modal(callbackId, title, "Send to PayPal", metadata, blocks);
  }

  /** "Merino wool sweater (item 1)". */
  private static String itemLabel(Dispute.Item i) {
    String name = i.itemName() == null || i.itemName().isBlank() ? "Item" : i.itemName();
    return name + " (" + i.itemId() + ")";
  }

  static View supportingInfo(Dispute d, String metadata, FormReader values) {
    return modal(
        CardAction.PROVIDE_SUPPORTING_INFO.viewId(),
        ActionKind.of(DisputeAction.PROVIDE_SUPPORTING_INFO).title(),
        "Send to PayPal",
        metadata,
        List.of(
            summary(d),
            note(":mag: PayPal is reviewing this case; add what helps it decide."),
            noteInput(
                ModalFields.NOTE,
                "Information for PayPal",
                "PayPal's reviewers read this.",
                false,
                values.typed(ModalFields.NOTE))));
  }
}
