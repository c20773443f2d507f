package io.disputedesk.dispute;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.ListOutcome;
import io.disputedesk.paypal.OutcomeCode;
import java.util.Objects;

/**
 * How a dispute ended, as far as we know it: PayPal's outcome code once its details are read, or
 * before that only the dispute list's summary ({@code code} null, {@code outcome} WON or LOST).
 * {@code outcome} is the side of the win rate it counts on.
 */
public record Resolution(OutcomeCode code, Outcome outcome) {

  public Resolution {
    Objects.requireNonNull(outcome, "outcome");
    if (code != null && outcome != Outcome.of(code)) {
      throw new IllegalArgumentException(code + " counts as " + Outcome.of(code));
    }
    if (code == null && outcome == Outcome.OTHER) {
      throw new IllegalArgumentException("a summary is WON or LOST");
    }
  }

  /** PayPal's outcome code (from the dispute's details). */
  public static Resolution of(OutcomeCode code) {
    return new Resolution(Objects.requireNonNull(code, "code"), Outcome.of(code));
  }

  /** Only the list's WON or LOST, before the details are read. */
  public static Resolution summary(Outcome outcome) {
    return new Resolution(null, outcome);
  }

  /**
   * How this dispute read from PayPal ended: its details' outcome code, or for a resolved dispute
   * known only from the list, the list's WON or LOST; null when neither says.
   */
  public static Resolution of(Dispute d) {
    Dispute.DisputeOutcome outcome = d.disputeOutcome();
    if (outcome != null && outcome.outcomeCode() != null) {
      return of(outcome.outcomeCode());
    }
    if (!d.isResolved()) {
      return null;
    }
    return switch (d.outcome() == null ? ListOutcome.UNKNOWN : d.outcome()) {
      case WON -> summary(Outcome.WON);
      case LOST -> summary(Outcome.LOST);
      default -> null;
    };
  }

  /**
   * A stored {@code outcome_code}: an {@link OutcomeCode} name (one we do not know reads as
   * UNKNOWN) or the list's WON/LOST; null for none.
   */
  public static Resolution read(String stored) {
    if (stored == null) {
      return null;
    }
    if (stored.equals(Outcome.SUMMARY_WON) || stored.equals(Outcome.SUMMARY_LOST)) {
      return summary(Outcome.valueOf(stored));
    }
    return of(StoredNames.outcomeCode(stored));
  }

  /** The text the store keeps for it. */
  public String stored() {
    return code != null ? code.name() : outcome.name();
  }
}
