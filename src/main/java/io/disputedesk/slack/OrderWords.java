package io.disputedesk.slack;

import io.disputedesk.dispute.EvidenceChecklist;
import io.disputedesk.dispute.Words;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.paypal.TrackingStatus;
import java.util.Locale;
import java.util.Set;

/**
 * The plain words for order facts and the checklist of what wins: why facts are missing and how to
 * get them, shipment statuses, carriers and checklist items. One place, for every surface.
 */
public final class OrderWords {

  private OrderWords() {}

  /** Why the order (Transaction Search) is missing. */
  public static String orderGap(OrderFacts.Gap gap) {
    return switch (gap) {
      case NO_PERMISSION -> "the bot's PayPal app does not have the Transaction Search permission";
      case NOT_LISTED ->
          "PayPal's transaction reports do not list this payment yet (that can take up to 3 hours)";
      case PAYPAL_UNAVAILABLE -> "PayPal did not answer in time";
      case REFUSED -> "PayPal refused the transaction search";
      case NO_TRANSACTION -> "the dispute names no PayPal transaction to look up";
      default -> "the bot could not read PayPal's answer";
    };
  }

  /** How to get the order facts after {@link #orderGap}. */
  public static String orderFix(OrderFacts.Gap gap) {
    return switch (gap) {
      case NO_PERMISSION ->
          "turn on *Transaction search* in the app's features (developer.paypal.com → Apps &"
              + " Credentials → the app), then restart the bot so it gets a new token";
      case REFUSED -> "the bot's log has PayPal's debug id for support";
      case NO_TRANSACTION -> "look the order up in PayPal";
      default -> "the bot asks again within the hour";
    };
  }

  /** Why the shipments (Shipment Tracking) are missing. */
  public static String trackingGap(OrderFacts.Gap gap) {
    return switch (gap) {
      case NO_PERMISSION -> "the bot's PayPal app may not read shipment tracking";
      case PAYPAL_UNAVAILABLE -> "PayPal did not answer in time";
      case REFUSED -> "PayPal refused the tracking request";
      case NO_TRANSACTION -> "the dispute names no PayPal transaction to look up";
      default -> "the bot could not read PayPal's answer";
    };
  }

  public static String trackingFix(OrderFacts.Gap gap) {
    return switch (gap) {
      case NO_PERMISSION ->
          "give the app PayPal's Shipment Tracking access (scope …/shipping/trackers/readwrite),"
              + " then restart the bot";
      case REFUSED -> "the bot's log has PayPal's debug id for support";
      case NO_TRANSACTION -> "look the tracking up in PayPal";
      default -> "the bot asks again within the hour";
    };
  }

  /**
   * A carrier code as people write it: {@code ROYAL_MAIL} → "Royal Mail"; names given for OTHER
   * stay.
   */
  public static String carrier(String code) {
    return Words.carrier(code);
  }

  public static String trackingStatus(TrackingStatus status) {
    if (status == null) {
      return "Status unknown";
    }
    return switch (status) {
      case DELIVERED -> "Delivered";
      case SHIPPED -> "Shipped";
      case IN_TRANSIT -> "In transit";
      case SHIPMENT_CREATED, LABEL_PRINTED, NEW, PROCESSED, IN_PROCESS ->
          "Label created, not handed over";
      case DROPPED_OFF -> "Dropped off with the carrier";
      case LOCAL_PICKUP -> "Picked up locally";
      case DELIVERY_SCHEDULED -> "Delivery scheduled";
      case DELIVERY_DELAYED -> "Delivery delayed";
      case DELIVERY_FAILED -> "Delivery failed";
      case PICKUP_FAILED -> "Pickup failed";
      case ON_HOLD -> "On hold";
      case RETURNED, INRETURN -> "Returned to sender";
      case CANCELLED, VOID -> "Cancelled";
      case NOT_SHIPPED -> "Not shipped";
      case COMPLETED -> "Completed";
      case ERROR, UNCONFIRMED -> "Carrier could not confirm";
      default -> "Status unknown";
    };
  }

  /** An ISO country code as its English name ({@code DE} → "Germany"), or the code when unknown. */
  public static String country(String code) {
    if (code == null || code.isBlank()) {
      return "country unknown";
    }
    String c = code.strip().toUpperCase(Locale.ROOT);
    if (c.equals("C2")) {
      return "China";
    }
    if (!Set.of(Locale.getISOCountries()).contains(c)) {
      return c;
    }
    String name = new Locale("", c).getDisplayCountry(Locale.ENGLISH);
    return name.isBlank() ? c : name;
  }

  /** What the stage asks of the team, after the reason. */
  public static String focus(EvidenceChecklist.Focus focus) {
    return switch (focus) {
      case ANSWER_THE_BUYER -> "inquiry: share it with the buyer before it becomes a claim";
      case SEND_TO_PAYPAL -> "claim: PayPal decides on what you send";
      case PAYPAL_REVIEWING -> "PayPal is reviewing: add only what is missing";
      case FINAL_REVIEW -> "final review: PayPal decides on what it has; add anything missing";
    };
  }

  /** A checklist item, without its mark; {@code requested} items name PayPal's evidence type. */
  public static String need(EvidenceChecklist.Need need) {
    return switch (need) {
      case REQUESTED -> "PayPal asked for evidence";
      case DELIVERY_TRACKING -> "Proof of fulfillment: the carrier's tracking number";
      case DELIVERED -> "Tracking that shows delivery";
      case SHIP_TO_MATCHES -> "Delivered to the address PayPal has";
      case RETURN_PROOF -> "Proof of return: the buyer's return tracking";
      case PHOTOS_AND_LISTING -> "Photos of the item as shipped, and the listing";
      case BUYER_RECEIVED -> "Proof the buyer received the goods: delivery tracking";
      case PRIOR_HISTORY -> "Earlier orders from this buyer without disputes";
      case REFUND_PROOF -> "Proof of refund: the refund's transaction ID";
      case TRANSACTION_RECORDS -> "Transaction records: what was bought, for how much";
      case AGREED_AMOUNT -> "The invoice or receipt with the amount the buyer agreed to";
      case OTHER_PAYMENT -> "Proof the other payment never reached you, or was refunded";
      case BILLING_TERMS -> "The subscription's terms, and when it was cancelled";
    };
  }
}
