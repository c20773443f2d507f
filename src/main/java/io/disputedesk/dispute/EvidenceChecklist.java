package io.disputedesk.dispute;

import io.disputedesk.order.OrderFacts;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeReason;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.EvidenceSource;
import io.disputedesk.paypal.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What wins a dispute of this reason at this stage, as a short checklist: the evidence PayPal asked
 * for first, then what usually wins the reason. Each item says whether we already have it (from the
 * order facts PayPal gave, or the dispute itself) or already sent it. Words are the Slack layer's;
 * this decides only what is on the list and what is done.
 *
 * @param focus what the team should do with the evidence at this stage
 */
public record EvidenceChecklist(Focus focus, List<Item> items) {

  public EvidenceChecklist {
    items = List.copyOf(items);
  }

  /** What the stage asks of the team. */
  public enum Focus {
    /** Inquiry: settle it with the buyer before it becomes a claim. */
    ANSWER_THE_BUYER,
    /** Claim: PayPal decides on the evidence sent. */
    SEND_TO_PAYPAL,
    /** PayPal is reviewing: only add what is missing. */
    PAYPAL_REVIEWING,
    /** Pre-arbitration or arbitration: the final review of what PayPal has. */
    FINAL_REVIEW
  }

  /** One piece of evidence that wins disputes of the reason. */
  public enum Need {
    /** The evidence type PayPal asked the seller for ({@link Item#evidenceType()}). */
    REQUESTED,
    /** Proof of fulfilment: a carrier's tracking number for the shipment. */
    DELIVERY_TRACKING,
    /** The tracking shows the parcel delivered. */
    DELIVERED,
    /**
     * It went to the address PayPal has for the order (a person checks; never ticked by itself).
     */
    SHIP_TO_MATCHES,
    /** Proof the buyer sent the item back (return tracking). */
    RETURN_PROOF,
    /** Photos of the item as shipped, and the listing the buyer bought from. */
    PHOTOS_AND_LISTING,
    /**
     * Proof the buyer received the goods (an unauthorised payment that still reached the buyer).
     */
    BUYER_RECEIVED,
    /** Earlier undisputed orders from the same buyer or address. */
    PRIOR_HISTORY,
    /** Proof of refund: the refund's transaction id. */
    REFUND_PROOF,
    /** The transaction records: what was bought, for how much. */
    TRANSACTION_RECORDS,
    /** The invoice or receipt with the amount the buyer agreed to. */
    AGREED_AMOUNT,
    /** Proof the other payment the buyer names never reached us, or was refunded. */
    OTHER_PAYMENT,
    /** The subscription's terms and when it was cancelled. */
    BILLING_TERMS
  }

  /**
   * Whether the team has the evidence: to do, on file (PayPal's facts show it), or sent to PayPal.
   */
  public enum Status {
    TO_DO,
    ON_FILE,
    SENT
  }

  /**
   * One item. {@code evidenceType} is PayPal's type (set for {@link Need#REQUESTED}, and for the
   * needs PayPal has a type for); {@code required} marks a request PayPal marked mandatory.
   */
  public record Item(Need need, String evidenceType, Status status, boolean required) {
    public boolean done() {
      return status != Status.TO_DO;
    }
  }

  private static final Set<String> RETURN_TYPES =
      Set.of("PROOF_OF_RETURN", "RETURN_TRACKING_INFORMATION", "ADDITIONAL_PROOF_OF_RETURN");
  private static final Set<String> LISTING_TYPES =
      Set.of(
          "PHOTOS_OF_SHIPPED_ITEM",
          "ITEM_DESCRIPTION",
          "LISTING_URL",
          "PROOF_OF_SIGNIFICANT_DIFFERENCE",
          "ADDITIONAL_INFORMATION_OF_ITEM");

  /**
   * The checklist for an open dispute; empty once it is resolved. {@code facts} may be null (not
   * fetched, or the dispute has none).
   */
  public static Optional<EvidenceChecklist> of(Dispute d, OrderFacts facts) {
    if (d.isResolved()) {
      return Optional.empty();
    }
    List<Item> items = new ArrayList<>();
    List<String> requested = new ArrayList<>();
    for (Dispute.Evidence e : d.evidences()) {
      String type = e.evidenceType();
      if (e.source() == EvidenceSource.REQUESTED_FROM_SELLER
          && type != null
          && !requested.contains(type)) {
        requested.add(type);
        boolean required =
            e.actionInfo() != null && Boolean.TRUE.equals(e.actionInfo().mandatory());
        items.add(new Item(Need.REQUESTED, type, requestedStatus(type, d, facts), required));
      }
    }
    for (Need need : needs(d.reason())) {
      String type = typeOf(need);
      if (type == null || !requested.contains(type)) {
        items.add(new Item(need, type, status(need, d, facts), false));
      }
    }
    return Optional.of(new EvidenceChecklist(focus(d), items));
  }

  /** What usually wins each reason, most convincing first. */
  static List<Need> needs(DisputeReason reason) {
    if (reason == null) {
      return List.of(Need.TRANSACTION_RECORDS);
    }
    return switch (reason) {
      case MERCHANDISE_OR_SERVICE_NOT_RECEIVED ->
          List.of(Need.DELIVERY_TRACKING, Need.DELIVERED, Need.SHIP_TO_MATCHES);
      case MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED ->
          List.of(Need.RETURN_PROOF, Need.PHOTOS_AND_LISTING);
      case UNAUTHORISED -> List.of(Need.BUYER_RECEIVED, Need.SHIP_TO_MATCHES, Need.PRIOR_HISTORY);
      case CREDIT_NOT_PROCESSED -> List.of(Need.REFUND_PROOF);
      case DUPLICATE_TRANSACTION -> List.of(Need.TRANSACTION_RECORDS);
      case INCORRECT_AMOUNT -> List.of(Need.TRANSACTION_RECORDS, Need.AGREED_AMOUNT);
      case PAYMENT_BY_OTHER_MEANS -> List.of(Need.TRANSACTION_RECORDS, Need.OTHER_PAYMENT);
      case CANCELED_RECURRING_BILLING -> List.of(Need.BILLING_TERMS, Need.TRANSACTION_RECORDS);
      default -> List.of(Need.TRANSACTION_RECORDS);
    };
  }

  private static Focus focus(Dispute d) {
    if (d.status() == DisputeStatus.UNDER_REVIEW) {
      return Focus.PAYPAL_REVIEWING;
    }
    LifecycleStage stage = d.disputeLifeCycleStage();
    if (stage == LifecycleStage.PRE_ARBITRATION || stage == LifecycleStage.ARBITRATION) {
      return Focus.FINAL_REVIEW;
    }
    return stage == LifecycleStage.INQUIRY ? Focus.ANSWER_THE_BUYER : Focus.SEND_TO_PAYPAL;
  }

  /** PayPal's evidence type for a need, where one type stands for it. */
  private static String typeOf(Need need) {
    return switch (need) {
      case DELIVERY_TRACKING -> "PROOF_OF_FULFILLMENT";
      case RETURN_PROOF -> "PROOF_OF_RETURN";
      case REFUND_PROOF -> "PROOF_OF_REFUND";
      default -> null;
    };
  }

  private static Status requestedStatus(String type, Dispute d, OrderFacts facts) {
    if (sentAfterRequest(type, d)) {
      return Status.SENT;
    }
    boolean onFile =
        switch (type) {
          case "PROOF_OF_FULFILLMENT",
              "ONLINE_TRACKING_INFORMATION",
              "ADDITIONAL_TRACKING_INFORMATION" ->
              facts != null && facts.hasTracking();
          case "PROOF_OF_REFUND" -> refunded(d);
          default -> RETURN_TYPES.contains(type) && returned(d, facts);
        };
    return onFile ? Status.ON_FILE : Status.TO_DO;
  }

  private static Status status(Need need, Dispute d, OrderFacts facts) {
    String type = typeOf(need);
    if (type != null && sent(d, Set.of(type))) {
      return Status.SENT;
    }
    boolean onFile =
        switch (need) {
          case DELIVERY_TRACKING -> facts != null && facts.hasTracking();
          case DELIVERED, BUYER_RECEIVED -> facts != null && facts.delivered();
          case RETURN_PROOF -> returned(d, facts);
          case PHOTOS_AND_LISTING -> sent(d, LISTING_TYPES);
          case REFUND_PROOF -> refunded(d);
          case TRANSACTION_RECORDS -> facts != null && facts.order() != null;
          default -> false;
        };
    if (need == Need.PHOTOS_AND_LISTING && onFile) {
      return Status.SENT;
    }
    return onFile ? Status.ON_FILE : Status.TO_DO;
  }

  /**
   * The buyer's return is on record: their return tracking on the dispute or a return shipment at
   * PayPal.
   */
  private static boolean returned(Dispute d, OrderFacts facts) {
    return submitted(d, EvidenceSource.SUBMITTED_BY_BUYER, RETURN_TYPES)
        || (facts != null && !facts.returns().isEmpty());
  }

  private static boolean refunded(Dispute d) {
    return d.firstTransaction()
        .map(
            t ->
                "REFUNDED".equals(t.transactionStatus())
                    || "PARTIALLY_REFUNDED".equals(t.transactionStatus()))
        .orElse(false);
  }

  private static boolean sent(Dispute d, Set<String> types) {
    return submitted(d, EvidenceSource.SUBMITTED_BY_SELLER, types);
  }

  /** Whether the dispute holds evidence from {@code source} of one of {@code types}. */
  private static boolean submitted(Dispute d, EvidenceSource source, Set<String> types) {
    return d.evidences().stream()
        .anyMatch(
            e ->
                e.source() == source
                    && e.evidenceType() != null
                    && types.contains(e.evidenceType()));
  }

  /** The seller sent this type after PayPal's (latest) request for it. */
  private static boolean sentAfterRequest(String type, Dispute d) {
    Instant asked =
        d.evidences().stream()
            .filter(
                e ->
                    e.source() == EvidenceSource.REQUESTED_FROM_SELLER
                        && type.equals(e.evidenceType()))
            .map(Dispute.Evidence::date)
            .filter(t -> t != null)
            .max(Instant::compareTo)
            .orElse(null);
    return d.evidences().stream()
        .anyMatch(
            e ->
                e.source() == EvidenceSource.SUBMITTED_BY_SELLER
                    && type.equals(e.evidenceType())
                    && (asked == null || e.date() == null || !e.date().isBefore(asked)));
  }
}
