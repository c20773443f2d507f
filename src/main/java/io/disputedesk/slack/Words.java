package io.disputedesk.slack;

import io.disputedesk.paypal.DisputeReason;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.OfferEventType;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.paypal.Party;
import java.util.Locale;

/** PayPal's enum values in the plain words a support team uses; unknown values get a neutral word. */
public final class Words {
  private Words() {}

  public static String reason(DisputeReason reason) {
    if (reason == null) {
      return "Unknown reason";
    }
    return switch (reason) {
      case MERCHANDISE_OR_SERVICE_NOT_RECEIVED -> "Item not received";
      case MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED -> "Not as described";
      case UNAUTHORISED -> "Unauthorised payment";
      case CREDIT_NOT_PROCESSED -> "Credit not processed";
      case DUPLICATE_TRANSACTION -> "Duplicate payment";
      case INCORRECT_AMOUNT -> "Incorrect amount";
      case PAYMENT_BY_OTHER_MEANS -> "Paid by other means";
      case CANCELED_RECURRING_BILLING -> "Cancelled subscription billed";
      case PROBLEM_WITH_REMITTANCE -> "Problem with remittance";
      case OTHER -> "Other reason";
      default -> "Unknown reason";
    };
  }

  public static String status(DisputeStatus status) {
    if (status == null) {
      return "Unknown status";
    }
    return switch (status) {
      case OPEN -> "Open";
      case WAITING_FOR_BUYER_RESPONSE -> "Waiting for the buyer";
      case WAITING_FOR_SELLER_RESPONSE -> "Waiting for our response";
      case UNDER_REVIEW -> "Under review by PayPal";
      case RESOLVED -> "Resolved";
      case OTHER -> "Other";
      default -> "Unknown status";
    };
  }

  /** The stage; PayPal's CHARGEBACK is a PayPal claim, not a card chargeback. */
  public static String stage(LifecycleStage stage) {
    if (stage == null) {
      return "Unknown stage";
    }
    return switch (stage) {
      case INQUIRY -> "Inquiry";
      case CHARGEBACK -> "Claim";
      case PRE_ARBITRATION -> "Pre-arbitration";
      case ARBITRATION -> "Arbitration";
      default -> "Unknown stage";
    };
  }

  public static String outcome(OutcomeCode outcome) {
    if (outcome == null) {
      return "Closed";
    }
    return switch (outcome) {
      case RESOLVED_BUYER_FAVOUR -> "Lost: resolved in the buyer's favour";
      case RESOLVED_SELLER_FAVOUR -> "Won: resolved in our favour";
      case RESOLVED_WITH_PAYOUT -> "Resolved with a payout from PayPal";
      case CANCELED_BY_BUYER -> "Cancelled by the buyer";
      case ACCEPTED -> "Closed: claim accepted";
      case DENIED -> "Closed: claim denied";
      case NONE -> "Closed with no outcome";
      default -> "Closed";
    };
  }

  public static String offerType(OfferType type) {
    if (type == null) {
      return "offer";
    }
    return switch (type) {
      case REFUND -> "refund";
      case REFUND_WITH_RETURN -> "refund with return";
      case REFUND_WITH_REPLACEMENT -> "refund with replacement";
      case REPLACEMENT_WITHOUT_REFUND -> "replacement";
      default -> "offer";
    };
  }

  public static String offerEvent(OfferEventType type) {
    if (type == null) {
      return "changed";
    }
    return switch (type) {
      case PROPOSED -> "proposed";
      case ACCEPTED -> "accepted";
      case DENIED -> "denied";
      default -> "changed";
    };
  }

  public static String party(Party party) {
    if (party == null) {
      return "Someone";
    }
    return switch (party) {
      case BUYER -> "The buyer";
      case SELLER -> "We";
      case ARBITER -> "PayPal";
      default -> "Someone";
    };
  }

  /** Who did something, after "by": "the buyer", "us", "PayPal". */
  public static String byParty(Party party) {
    if (party == null) {
      return "someone";
    }
    return switch (party) {
      case BUYER -> "the buyer";
      case SELLER -> "us";
      case ARBITER -> "PayPal";
      default -> "someone";
    };
  }

  /** An evidence type such as {@code PROOF_OF_FULFILLMENT} as "Proof of fulfillment". */
  public static String evidenceType(String type) {
    if (type == null || type.isBlank()) {
      return "Evidence";
    }
    String words = type.trim().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
