package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeReason;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferEventType;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.paypal.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one vocabulary of every surface (card, thread, list, Home, digest, reminder, modal, chart,
 * CSV): PayPal's values in the plain words a support team uses, one name each, and spans of time in
 * whole units. A value we do not know, or none, gets a neutral word ({@link StoredNames} reads the
 * store's text). Plain text: the Slack layer escapes and marks it up.
 */
public final class Words {
  public static final String REASON = "Reason";
  public static final String STATUS = "Status";
  public static final String STAGE = "Stage";
  public static final String AMOUNT = "Amount";
  public static final String OPENED = "Opened";
  public static final String RESPOND_BY = "Respond by";
  public static final String OWNER = "Owner";
  public static final String OUTCOME = "Outcome";
  public static final String UNASSIGNED = "Unassigned";

  /** For a line that must not notify the owner by mentioning them. */
  public static final String ASSIGNED = "Assigned";

  public static final String UNKNOWN_AMOUNT = "Unknown amount";

  private Words() {}

  /**
   * A carrier code as people write it: {@code ROYAL_MAIL} → "Royal Mail"; names given for OTHER
   * stay.
   */
  public static String carrier(String code) {
    return CarrierNames.of(code);
  }

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
      case OTHER -> "Other status";
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

  /** How it ended; won and lost begin with "Won"/"Lost" exactly as {@link Outcome} counts them. */
  public static String outcome(OutcomeCode outcome) {
    if (outcome == null) {
      return "Outcome unknown";
    }
    return switch (outcome) {
      case RESOLVED_BUYER_FAVOUR -> "Lost: resolved in the buyer's favour";
      case RESOLVED_SELLER_FAVOUR -> "Won: resolved in our favour";
      case RESOLVED_WITH_PAYOUT -> "Resolved with a payout from PayPal";
      case CANCELED_BY_BUYER -> "Won: cancelled by the buyer";
      case ACCEPTED -> "Lost: claim accepted";
      case DENIED -> "Won: claim denied";
      case NONE -> "Closed with no outcome";
      default -> "Outcome unknown";
    };
  }

  /**
   * How it ended as far as we know: PayPal's outcome code, or before the details are read the
   * list's "Won" or "Lost".
   */
  public static String outcome(Resolution resolution) {
    if (resolution == null || resolution.code() != null) {
      return outcome(resolution == null ? null : resolution.code());
    }
    return resolution.outcome() == Outcome.WON ? "Won" : "Lost";
  }

  /** How a resolved dispute counts in reports (charts, the report's summary). */
  public static String outcome(OutcomeDetail detail) {
    return switch (detail) {
      case WON -> "Won";
      case LOST -> "Lost";
      case ACCEPTED -> "Accepted";
      case CANCELLED -> "Cancelled";
      case OTHER -> "Other";
    };
  }

  public static String money(Money money) {
    return money == null ? UNKNOWN_AMOUNT : money.display();
  }

  /** A stored amount in the currency's smallest unit. */
  public static String money(Long minor, String currency) {
    return minor == null || currency == null
        ? UNKNOWN_AMOUNT
        : Money.ofMinor(minor, currency).display();
  }

  /** Amounts in several currencies, joined with " + "; "nothing" when there are none. */
  public static String totals(List<CurrencyTotal> totals) {
    if (totals.isEmpty()) {
      return "nothing";
    }
    List<String> parts = new ArrayList<>();
    totals.forEach(t -> parts.add(money(t.amountMinor(), t.currency())));
    return String.join(" + ", parts);
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
    return sentence(type.trim());
  }

  /** An enum name as a sentence: {@code NOT_ABLE_TO_WIN} → "Not able to win". */
  public static String sentence(String enumName) {
    String words = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * A span in whole units, rounded down: "3 days 23 h", "1 day", "5 h 10 min", "40 min" (at least 1
   * min).
   */
  public static String span(Duration d) {
    return Spans.span(d);
  }

  /**
   * The time left to a deadline: "3 days 23 h left", "Overdue by 2 h", or "No deadline". Never
   * overstated.
   */
  public static String left(Instant due, Instant now) {
    return Spans.left(due, now);
  }

  /** How long ago: "just now", "2 min ago", "3 h 5 min ago", "2 days 1 h ago". */
  public static String ago(Instant then, Instant now) {
    return Spans.ago(then, now);
  }

  /**
   * A moment as plain text in UTC, to the minute, for logs and health: "Thu 3 Dec 2026 21:40 UTC".
   */
  public static String utc(Instant at) {
    return utcDay(at) + " " + utcClock(at) + " UTC";
  }

  /** The day in UTC: "Thu 3 Dec 2026". */
  public static String utcDay(Instant at) {
    return Spans.utcDay(at);
  }

  /** The time of day in UTC: "21:40". */
  public static String utcClock(Instant at) {
    return Spans.utcClock(at);
  }
}
