package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.EVIDENCE_TYPE;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.ResponseRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The kinds of evidence the evidence forms offer, and the kind chosen. */
final class EvidenceTypes {
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

  private EvidenceTypes() {}

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
    return values.selected(EVIDENCE_TYPE).filter(types::contains).orElse(types.get(0));
  }
}
