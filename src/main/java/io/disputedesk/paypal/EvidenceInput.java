package io.disputedesk.paypal;

import io.disputedesk.paypal.Dispute.Document;
import io.disputedesk.paypal.Dispute.EvidenceInfo;
import io.disputedesk.paypal.Dispute.TrackingInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One piece of evidence sent with provide-evidence or appeal. {@code documents} name the uploaded
 * files; {@code itemId} is needed when the transaction has several items.
 */
public record EvidenceInput(
    String evidenceType,
    EvidenceInfo evidenceInfo,
    List<Document> documents,
    String notes,
    String itemId) {

  private static final Pattern TYPE = Pattern.compile("^[0-9A-Z_]+$");
  private static final Pattern ITEM_ID = Pattern.compile("^[A-Za-z0-9]+$");
  private static final Pattern DOCUMENT_NAME = Pattern.compile("^[A-Za-z0-9_,\\s-]+[.][A-Za-z]+$");

  public EvidenceInput {
    Check.matches("evidenceType", evidenceType, TYPE, 255);
    documents = documents == null ? List.of() : List.copyOf(documents);
    for (Document d : documents) {
      Check.matches(
          "document name", Objects.requireNonNull(d, "document").name(), DOCUMENT_NAME, 2000);
    }
    notes = Check.optionalText("notes", notes, Check.NOTE_MAX);
    if (itemId != null) {
      Check.matches("itemId", itemId, ITEM_ID, 255);
    }
    // PayPal answers MISSING_TRACKING_INFO / MISSING_REFUND_ID otherwise.
    if (evidenceType.equals("PROOF_OF_FULFILLMENT") && !hasTracking(evidenceInfo)) {
      throw new IllegalArgumentException("PROOF_OF_FULFILLMENT needs tracking info");
    }
    if (evidenceType.equals("PROOF_OF_REFUND") && !hasRefundIds(evidenceInfo)) {
      throw new IllegalArgumentException("PROOF_OF_REFUND needs refund ids");
    }
    // PayPal answers MISSING_EVIDENCE_INFO otherwise.
    if (evidenceType.equals("PROOF_OF_RETURN")
        && !hasTracking(evidenceInfo)
        && !hasRefundIds(evidenceInfo)) {
      throw new IllegalArgumentException("PROOF_OF_RETURN needs evidence info");
    }
    if (hasTracking(evidenceInfo)) {
      for (TrackingInfo t : evidenceInfo.trackingInfo()) {
        Check.text("tracking number", t.trackingNumber(), 255);
        Check.text("carrier name", t.carrierName(), 255);
        if (Carriers.OTHER.equals(t.carrierName())) {
          Check.text("carrier name other", t.carrierNameOther(), 2000);
        }
      }
    }
  }

  /**
   * Evidence of a shipment ({@code PROOF_OF_FULFILLMENT} or {@code PROOF_OF_RETURN}): the carrier
   * as PayPal's code, or {@code OTHER} with the carrier's name, and the tracking number.
   */
  public static EvidenceInput shipment(
      String evidenceType, String carrier, String trackingNumber, String notes, String itemId) {
    Optional<String> code = Carriers.code(carrier);
    TrackingInfo tracking =
        new TrackingInfo(
            code.orElse(Carriers.OTHER),
            code.isPresent() ? null : carrier == null ? null : carrier.strip(),
            null,
            trackingNumber);
    return new EvidenceInput(
        evidenceType, new EvidenceInfo(List.of(tracking), null), null, notes, itemId);
  }

  /** The same evidence for one item of the transaction (needed when it has several). */
  public EvidenceInput forItem(String item) {
    return new EvidenceInput(evidenceType, evidenceInfo, documents, notes, item);
  }

  /** Evidence of a given type with notes and/or named documents. */
  public static EvidenceInput of(String evidenceType, String notes, List<Document> documents) {
    return new EvidenceInput(evidenceType, null, documents, notes, null);
  }

  /** Proof of fulfillment with one shipment's carrier (e.g. {@code UPS}) and tracking number. */
  public static EvidenceInput proofOfFulfillment(
      String carrierName, String trackingNumber, String notes) {
    TrackingInfo tracking = new TrackingInfo(carrierName, null, null, trackingNumber);
    return new EvidenceInput(
        "PROOF_OF_FULFILLMENT", new EvidenceInfo(List.of(tracking), null), null, notes, null);
  }

  /** Proof of refund naming the refund transaction ids. */
  public static EvidenceInput proofOfRefund(List<String> refundIds, String notes) {
    return new EvidenceInput(
        "PROOF_OF_REFUND", new EvidenceInfo(null, refundIds), null, notes, null);
  }

  private static boolean hasTracking(EvidenceInfo info) {
    return info != null && info.trackingInfo() != null && !info.trackingInfo().isEmpty();
  }

  private static boolean hasRefundIds(EvidenceInfo info) {
    return info != null && info.refundIds() != null && !info.refundIds().isEmpty();
  }
}
