package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalParts.choice;
import static io.disputedesk.slack.actions.ModalParts.filesInput;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.select;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.ModalParts.textInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The modals that argue the case: Provide evidence and Appeal (same inputs), and Provide supporting info. */
final class EvidenceModals {
  /** Offered after the types PayPal asked for; the full list has 71, far past a useful menu. */
  static final List<String> COMMON_TYPES = List.of("PROOF_OF_FULFILLMENT", "PROOF_OF_DELIVERY_SIGNATURE",
      "PROOF_OF_REFUND", "PROOF_OF_RECEIPT_COPY", "RETURN_POLICY", "ITEM_DESCRIPTION", "PROOF_OF_SHIPMENT_POSTAGE",
      "ONLINE_TRACKING_INFORMATION", "PHOTOS_OF_SHIPPED_ITEM", "COPY_OF_CONTRACT",
      "PROOF_FOR_SOFTWARE_OR_SERVICE_DELIVERED", "PROOF_OF_RETURN", "OTHER");

  private EvidenceModals() {}

  static View provideEvidence(Dispute d, String metadata) {
    return evidence(d, metadata, Ids.VIEW_PROVIDE_EVIDENCE, Words.action(DisputeAction.PROVIDE_EVIDENCE), List.of());
  }

  static View appeal(Dispute d, String metadata) {
    return evidence(d, metadata, Ids.VIEW_APPEAL, Words.action(DisputeAction.APPEAL), List.of("APPEAL_AFFIDAVIT"));
  }

  private static View evidence(Dispute d, String metadata, String callbackId, String title, List<String> first) {
    List<String> requested = d.evidenceRequestedFromSeller();
    Set<String> types = new LinkedHashSet<>(requested);
    types.addAll(first);
    types.addAll(COMMON_TYPES);
    List<OptionObject> options = types.stream().limit(100)
        .map(t -> choice(t, Words.evidenceType(t))).toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(summary(d));
    if (!requested.isEmpty()) {
      blocks.add(note(":mag: PayPal asked for: *" + requested.stream().map(Words::evidenceType)
          .collect(Collectors.joining(", ")) + "*"));
    }
    blocks.add(select(ModalFields.EVIDENCE_TYPE, "Kind of evidence", options, options.get(0), false, null));
    blocks.add(noteInput(ModalFields.NOTE, "Notes", "What the evidence shows.", true));
    blocks.add(textInput(ModalFields.CARRIER, "Carrier", "For proof of fulfillment: PayPal's carrier code, e.g."
        + " UPS, USPS, FEDEX, DHL.", false, true, null));
    blocks.add(textInput(ModalFields.TRACKING, "Tracking number", "For proof of fulfillment.", false, true, null));
    blocks.add(textInput(ModalFields.REFUND_ID, "Refund transaction ID", "For proof of refund.", false, true, null));
    blocks.add(filesInput("Files"));
    return modal(callbackId, title, "Send to PayPal", metadata, blocks);
  }

  static View supportingInfo(Dispute d, String metadata) {
    return modal(Ids.VIEW_SUPPORTING_INFO, Words.action(DisputeAction.PROVIDE_SUPPORTING_INFO), "Send to PayPal", metadata, List.of(
        summary(d),
        note(":mag: PayPal is reviewing this case; add what helps it decide."),
        noteInput(ModalFields.NOTE, "Information for PayPal", "PayPal's reviewers read this.", false)));
  }
}
