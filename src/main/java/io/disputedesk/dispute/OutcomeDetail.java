package io.disputedesk.dispute;

/**
 * How a resolved dispute ended, in the detail a report shows: WON (decided for us, or the
 * deprecated "claim denied", or the list's WON), LOST (decided for the buyer, or the list's LOST),
 * ACCEPTED (we accepted the claim), CANCELLED (by the buyer) and OTHER (PayPal's own payout, no
 * outcome, an unknown code). For the win rate WON and CANCELLED count as won, LOST and ACCEPTED as
 * lost, as in {@link Outcome}.
 */
public enum OutcomeDetail {
  WON,
  LOST,
  ACCEPTED,
  CANCELLED,
  OTHER;

  /** The detail of how a dispute ended (null, no outcome, reads as OTHER). */
  public static OutcomeDetail of(Resolution resolution) {
    if (resolution == null) {
      return OTHER;
    }
    if (resolution.code() == null) {
      return resolution.outcome() == Outcome.WON ? WON : LOST;
    }
    return switch (resolution.code()) {
      case RESOLVED_SELLER_FAVOUR, DENIED -> WON;
      case RESOLVED_BUYER_FAVOUR -> LOST;
      case ACCEPTED -> ACCEPTED;
      case CANCELED_BY_BUYER -> CANCELLED;
      default -> OTHER;
    };
  }

  /** The side of the win rate this detail counts on. */
  public Outcome outcome() {
    return switch (this) {
      case WON, CANCELLED -> Outcome.WON;
      case LOST, ACCEPTED -> Outcome.LOST;
      case OTHER -> Outcome.OTHER;
    };
  }
}
