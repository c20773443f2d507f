package io.disputedesk.dispute;

import io.disputedesk.paypal.OutcomeCode;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a resolved dispute ended for the seller. WON: decided for the seller, cancelled by the buyer,
 * or (deprecated code) the buyer's claim denied. LOST: decided for the buyer or the claim accepted.
 * OTHER: PayPal paid the buyer from its own funds ({@code RESOLVED_WITH_PAYOUT}), no outcome, or a
 * code we do not know; it counts in neither side of the win rate.
 *
 * <p>A dispute imported from PayPal's list carries only the list's {@code outcome} ({@code WON} or
 * {@code LOST}) until its details are read; that value is stored in place of the outcome code.
 */
public enum Outcome {
  WON,
  LOST,
  OTHER;

  /**
   * What PayPal's dispute list says of a resolved dispute, stored until a details read says more.
   */
  static final String SUMMARY_WON = "WON";

  static final String SUMMARY_LOST = "LOST";

  private static final Set<OutcomeCode> WON_CODES =
      EnumSet.of(
          OutcomeCode.RESOLVED_SELLER_FAVOUR, OutcomeCode.CANCELED_BY_BUYER, OutcomeCode.DENIED);
  private static final Set<OutcomeCode> LOST_CODES =
      EnumSet.of(OutcomeCode.RESOLVED_BUYER_FAVOUR, OutcomeCode.ACCEPTED);

  public static Outcome of(OutcomeCode code) {
    if (code == null) {
      return OTHER;
    }
    return WON_CODES.contains(code) ? WON : LOST_CODES.contains(code) ? LOST : OTHER;
  }

  /** The side of how a dispute ended; none reads as OTHER. */
  public static Outcome of(Resolution resolution) {
    return resolution == null ? OTHER : resolution.outcome();
  }

  /** The stored values of a class, for SQL. */
  static Set<String> codes(Outcome outcome) {
    if (outcome == OTHER) {
      return Set.of();
    }
    Set<OutcomeCode> codes = outcome == WON ? WON_CODES : LOST_CODES;
    return Stream.concat(codes.stream().map(Enum::name), Stream.of(outcome.name()))
        .collect(Collectors.toSet());
  }
}
