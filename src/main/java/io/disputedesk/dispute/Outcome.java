package io.disputedesk.dispute;

import java.util.Set;

/**
 * How a resolved dispute ended for the seller. WON: decided for the seller, cancelled by the
 * buyer, or (deprecated code) the buyer's claim denied. LOST: decided for the buyer or the claim
 * accepted. OTHER: PayPal paid the buyer from its own funds ({@code RESOLVED_WITH_PAYOUT}), no
 * outcome, or a code we do not know; it counts in neither side of the win rate. Disputes imported
 * from PayPal's list carry only its WON or LOST until their details are read.
 */
public enum Outcome {
  WON,
  LOST,
  OTHER;

  /** What PayPal's dispute list says of a resolved dispute, stored until a details read says more. */
  static final String SUMMARY_WON = "WON";
  static final String SUMMARY_LOST = "LOST";
  private static final Set<String> WON_CODES = Set.of("RESOLVED_SELLER_FAVOUR", "CANCELED_BY_BUYER", "DENIED",
      SUMMARY_WON);
  private static final Set<String> LOST_CODES = Set.of("RESOLVED_BUYER_FAVOUR", "ACCEPTED", SUMMARY_LOST);

  /** The class of a stored {@code outcome_code} (null reads as OTHER). */
  public static Outcome of(String outcomeCode) {
    if (outcomeCode == null) {
      return OTHER;
    }
    if (WON_CODES.contains(outcomeCode)) {
      return WON;
    }
    return LOST_CODES.contains(outcomeCode) ? LOST : OTHER;
  }

  static Set<String> codes(Outcome outcome) {
    return outcome == WON ? WON_CODES : outcome == LOST ? LOST_CODES : Set.of();
  }
}
