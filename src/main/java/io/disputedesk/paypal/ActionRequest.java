package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.disputedesk.paypal.Dispute.Document;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A seller action on a dispute. Each record is the JSON body PayPal expects (snake_case, nulls and
 * empty lists left out) and declares the {@link DisputeAction} it performs as its {@code ACTION}:
 * its endpoint, link and files. The client sends any request by what it declares, so a new action's
 * request can live beside its descriptor.
 */
public interface ActionRequest {

  /** The PayPal action, which decides the endpoint and whether files may be attached. */
  DisputeAction action();

  /** {@code send-message}: a message to the buyer (inquiry stage). */
  record SendMessage(String message) implements ActionRequest {
    public SendMessage {
      Check.text("message", message, Check.NOTE_MAX);
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("send_message", DisputeAction.Files.ALLOWED);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /** {@code make-offer}: offer the buyer a refund and/or replacement. */
  record MakeOffer(
      String note,
      Money offerAmount,
      OfferType offerType,
      Address returnShippingAddress,
      String invoiceId)
      implements ActionRequest {
    private static final Pattern INVOICE_ID = Pattern.compile("^[A-Za-z0-9:\\-|]+$");

    public MakeOffer {
      Check.text("note", note, Check.NOTE_MAX);
      Check.known("offerType", offerType);
      if (invoiceId != null) {
        Check.matches("invoiceId", invoiceId, INVOICE_ID, 127);
      }
      // PayPal's rules per offer type: every refunding offer names its amount, a pure
      // replacement does not, and a refund with return needs the address to send the item to.
      if (offerType == OfferType.REPLACEMENT_WITHOUT_REFUND && offerAmount != null) {
        throw new IllegalArgumentException("REPLACEMENT_WITHOUT_REFUND takes no offer amount");
      }
      if (offerType != OfferType.REPLACEMENT_WITHOUT_REFUND && offerAmount == null) {
        throw new IllegalArgumentException(offerType + " needs an offer amount");
      }
      if (offerType == OfferType.REFUND_WITH_RETURN && returnShippingAddress == null) {
        throw new IllegalArgumentException("REFUND_WITH_RETURN needs a return shipping address");
      }
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("make_offer", DisputeAction.Files.NONE);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /** {@code accept-claim}: give in and refund the buyer; the note is seen by PayPal only. */
  record AcceptClaim(
      String note,
      AcceptClaimReason acceptClaimReason,
      AcceptClaimType acceptClaimType,
      Money refundAmount,
      Address returnShippingAddress,
      String invoiceId)
      implements ActionRequest {
    public AcceptClaim {
      Check.text("note", note, Check.NOTE_MAX);
      Check.optionalKnown("acceptClaimReason", acceptClaimReason);
      Check.optionalKnown("acceptClaimType", acceptClaimType);
      Check.optionalText("invoiceId", invoiceId, 127);
      boolean partial = acceptClaimType == AcceptClaimType.PARTIAL_REFUND;
      if (partial != (refundAmount != null)) {
        throw new IllegalArgumentException(
            "refundAmount goes with PARTIAL_REFUND, and only with it");
      }
      if ((acceptClaimType == AcceptClaimType.REFUND_WITH_RETURN
              || acceptClaimType == AcceptClaimType.REFUND_WITH_RETURN_SHIPMENT_LABEL)
          && returnShippingAddress == null) {
        throw new IllegalArgumentException(acceptClaimType + " needs a return shipping address");
      }
    }

    /** Accept with a full refund and nothing else. */
    public static AcceptClaim fullRefund(String note) {
      return new AcceptClaim(note, null, AcceptClaimType.REFUND, null, null, null);
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("accept_claim", DisputeAction.Files.ALLOWED);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /** {@code provide-evidence}: always sent as multipart, files optional. */
  record ProvideEvidence(List<EvidenceInput> evidences, Address returnShippingAddress)
      implements ActionRequest {
    public ProvideEvidence {
      evidences = evidenceList(evidences);
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("provide_evidence", DisputeAction.Files.ALWAYS_MULTIPART);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /** {@code appeal}: a decided dispute argued again; same body as provide-evidence. */
  record Appeal(List<EvidenceInput> evidences, Address returnShippingAddress)
      implements ActionRequest {
    public Appeal {
      evidences = evidenceList(evidences);
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("appeal", DisputeAction.Files.ALWAYS_MULTIPART);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /** {@code escalate}: turn the inquiry into a claim for PayPal to decide. */
  record Escalate(String note) implements ActionRequest {
    public Escalate {
      Check.text("note", note, Check.NOTE_MAX);
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("escalate", DisputeAction.Files.NONE);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /** {@code acknowledge-return-item}: say what came back from the buyer. */
  record AcknowledgeReturnItem(
      String note, AcknowledgementType acknowledgementType, List<ReturnEvidence> evidences)
      implements ActionRequest {
    public AcknowledgeReturnItem {
      Check.optionalText("note", note, Check.NOTE_MAX);
      Check.optionalKnown("acknowledgementType", acknowledgementType);
      evidences = evidences == null ? List.of() : List.copyOf(evidences);
    }

    public AcknowledgeReturnItem(String note, AcknowledgementType acknowledgementType) {
      this(note, acknowledgementType, List.of());
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("acknowledge_return_item", DisputeAction.Files.ALLOWED);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /** Evidence for acknowledge-return-item, e.g. {@code PROOF_OF_DAMAGE} with its documents. */
  record ReturnEvidence(String evidenceType, List<Document> documents) {
    public ReturnEvidence {
      Check.text("evidenceType", evidenceType, 255);
      documents = documents == null ? List.of() : List.copyOf(documents);
      if (documents.isEmpty()) {
        throw new IllegalArgumentException("return evidence needs at least one document");
      }
    }
  }

  /** {@code provide-supporting-info}: notes (and files) while PayPal reviews a claim. */
  record ProvideSupportingInfo(String notes) implements ActionRequest {
    public ProvideSupportingInfo {
      Check.text("notes", notes, Check.NOTE_MAX);
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("provide_supporting_info", DisputeAction.Files.ALLOWED);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /** {@code adjudicate}, sandbox only: decide the dispute for one side. */
  record Adjudicate(Outcome adjudicationOutcome) implements ActionRequest {
    public Adjudicate {
      Check.required("adjudicationOutcome", adjudicationOutcome);
    }

    /** PayPal's spelling here is FAVOR, unlike the FAVOUR of outcome codes. */
    public enum Outcome {
      BUYER_FAVOR,
      SELLER_FAVOR
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("adjudicate", DisputeAction.Files.NONE);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /**
   * {@code require-evidence}, sandbox only: move the dispute to waiting for one side's evidence.
   */
  record RequireEvidence(@JsonProperty("action") Side side) implements ActionRequest {
    public RequireEvidence {
      Check.required("side", side);
    }

    /** Whose evidence PayPal should wait for. */
    public enum Side {
      BUYER_EVIDENCE,
      SELLER_EVIDENCE
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION =
        DisputeAction.post("require_evidence", DisputeAction.Files.NONE);

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  /**
   * {@code PATCH /{id}}: the seller's contact details, which PayPal shows the buyer and keeps on
   * the dispute as {@code communication_details}. Sent as a JSON Patch; see {@link ActionBodies}.
   */
  record UpdateContactDetails(String email, String note) implements ActionRequest {
    /** The spec's {@code email_address} pattern: an unquoted {@code @} with text around it. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^\"\\-\\s@][^\\s@]*[^\\s@.]$");

    public UpdateContactDetails {
      Check.matches("email", email, EMAIL, 254);
      Check.optionalText("note", note, Check.NOTE_MAX);
    }

    /** The endpoint this request goes to. */
    public static final DisputeAction ACTION = DisputeAction.patch("UPDATE_CONTACT_DETAILS");

    @Override
    public DisputeAction action() {
      return ACTION;
    }
  }

  private static List<EvidenceInput> evidenceList(List<EvidenceInput> evidences) {
    if (evidences == null || evidences.isEmpty()) {
      throw new IllegalArgumentException("at least one piece of evidence is required");
    }
    if (evidences.size() > 100) {
      throw new IllegalArgumentException("PayPal takes at most 100 pieces of evidence");
    }
    return List.copyOf(evidences.stream().map(e -> Objects.requireNonNull(e, "evidence")).toList());
  }
}
