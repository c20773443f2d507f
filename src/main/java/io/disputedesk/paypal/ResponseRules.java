package io.disputedesk.paypal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What PayPal requires of a seller's answer to a dispute, by reason, offer or acceptance type,
 * amount and evidence type (DISPUTES-API.md §7 and §8), so a form asks for exactly that and refuses
 * what PayPal would refuse, before anything is sent.
 */
public final class ResponseRules {
  /** Item types that cannot be sent back: PayPal answers INTANGIBLE_ITEM_CANNOT_BE_RETURNED. */
  private static final Set<String> INTANGIBLE = Set.of("SERVICE", "DIGITAL_DOWNLOAD", "BOOKING");

  /**
   * Evidence whose {@code evidence_info} carries a shipment: MISSING_TRACKING_INFO /
   * MISSING_EVIDENCE_INFO.
   */
  private static final Set<String> TRACKED = Set.of("PROOF_OF_FULFILLMENT", "PROOF_OF_RETURN");

  /**
   * Reasons where proof of fulfilment is refused unless requested
   * (INVALID_EVIDENCE_TYPE_PROOF_OF_FULFILLMENT).
   */
  private static final Set<DisputeReason> NOTHING_SHIPPED =
      Set.of(
          DisputeReason.CREDIT_NOT_PROCESSED,
          DisputeReason.DUPLICATE_TRANSACTION,
          DisputeReason.INCORRECT_AMOUNT,
          DisputeReason.PAYMENT_BY_OTHER_MEANS,
          DisputeReason.CANCELED_RECURRING_BILLING);

  private ResponseRules() {}

  /** When an offer needs the address the buyer sends the item back to. */
  public enum AddressNeed {
    /** Never: PayPal takes no address with it. */
    NONE,
    /** Always (a refund with return). */
    ALWAYS,
    /** Only when the amount is below the disputed amount (a not-as-described dispute). */
    BELOW_DISPUTED
  }

  public static boolean notAsDescribed(Dispute d) {
    return d.reason() == DisputeReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED;
  }

  public static boolean notReceived(Dispute d) {
    return d.reason() == DisputeReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED;
  }

  // ---- make-offer ----

  /** Every offer names its amount except a replacement without refund, which must not. */
  public static boolean offerTakesAmount(OfferType type) {
    return type != OfferType.REPLACEMENT_WITHOUT_REFUND;
  }

  /**
   * A refund with return always needs the address; on a not-as-described dispute any refunding
   * offer below the disputed amount needs it too (PayPal answers
   * SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED otherwise). Other offers take none.
   */
  public static AddressNeed offerAddress(Dispute d, OfferType type) {
    if (type == OfferType.REFUND_WITH_RETURN) {
      return AddressNeed.ALWAYS;
    }
    if (notAsDescribed(d) && offerTakesAmount(type) && d.disputeAmount() != null) {
      return AddressNeed.BELOW_DISPUTED;
    }
    return AddressNeed.NONE;
  }

  /** Whether an offer of {@code amount} (nullable) of this type needs the return address. */
  public static boolean offerNeedsAddress(Dispute d, OfferType type, Money amount) {
    return switch (offerAddress(d, type)) {
      case ALWAYS -> true;
      case NONE -> false;
      case BELOW_DISPUTED -> amount != null && below(amount, d.disputeAmount());
    };
  }

  // ---- accept-claim ----

  /**
   * The acceptance types a form may offer: PayPal's allowed list without those it would refuse
   * here, a partial refund on an item-not-received dispute (AMOUNT_SHOULD_NOT_BE_PASSED) and a
   * return of an item that cannot be sent back (INTANGIBLE_ITEM_CANNOT_BE_RETURNED).
   */
  public static List<AcceptClaimType> acceptTypes(Dispute d) {
    List<AcceptClaimType> out = new ArrayList<>();
    for (AcceptClaimType t : d.allowedAcceptClaimTypes()) {
      if (t != AcceptClaimType.UNKNOWN && refusal(d, t) == null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Why PayPal would refuse this acceptance type on the dispute (its issue code), or null. */
  public static String refusal(Dispute d, AcceptClaimType type) {
    if (acceptTakesAmount(type) && notReceived(d)) {
      return "AMOUNT_SHOULD_NOT_BE_PASSED";
    }
    if (acceptNeedsAddress(type) && intangible(d)) {
      return "INTANGIBLE_ITEM_CANNOT_BE_RETURNED";
    }
    return null;
  }

  /** Only a partial refund names its amount. */
  public static boolean acceptTakesAmount(AcceptClaimType type) {
    return type == AcceptClaimType.PARTIAL_REFUND;
  }

  /** The types where the buyer returns the item need the return address, and only they take one. */
  public static boolean acceptNeedsAddress(AcceptClaimType type) {
    return type == AcceptClaimType.REFUND_WITH_RETURN
        || type == AcceptClaimType.REFUND_WITH_RETURN_SHIPMENT_LABEL;
  }

  /** True when every item of the dispute is a service, booking or download. */
  public static boolean intangible(Dispute d) {
    List<Dispute.Item> items = allItems(d);
    return !items.isEmpty()
        && items.stream().allMatch(i -> i.itemType() != null && INTANGIBLE.contains(i.itemType()));
  }

  // ---- provide-evidence and appeal ----

  /** The items evidence can name ({@code item_id}), across the disputed transactions. */
  public static List<Dispute.Item> items(Dispute d) {
    return allItems(d).stream().filter(i -> i.itemId() != null && !i.itemId().isBlank()).toList();
  }

  /**
   * Several items: each piece of evidence must name its item
   * (ITEM_ID_IS_MANDATORY_FOR_MULTIPLE_EVIDENCES).
   */
  public static boolean evidenceNeedsItem(Dispute d) {
    return items(d).size() > 1;
  }

  /** Proof of fulfilment and of return carry the shipment's carrier and tracking number. */
  public static boolean evidenceNeedsTracking(String type) {
    return TRACKED.contains(type);
  }

  /** Proof of refund carries the refund's transaction ids. */
  public static boolean evidenceNeedsRefundIds(String type) {
    return "PROOF_OF_REFUND".equals(type);
  }

  /**
   * Whether PayPal takes this evidence type on the dispute (proof of fulfilment only where
   * something shipped).
   */
  public static boolean evidenceFits(Dispute d, String type) {
    return !"PROOF_OF_FULFILLMENT".equals(type)
        || d.reason() == null
        || !NOTHING_SHIPPED.contains(d.reason())
        || d.evidenceRequestedFromSeller().contains(type);
  }

  private static List<Dispute.Item> allItems(Dispute d) {
    return d.disputedTransactions().stream().flatMap(t -> t.items().stream()).toList();
  }

  private static boolean below(Money amount, Money disputed) {
    if (disputed == null || !amount.currencyCode().equals(disputed.currencyCode())) {
      return false;
    }
    BigDecimal a = amount.value();
    return a.compareTo(disputed.value()) < 0;
  }
}
