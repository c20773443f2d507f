package io.disputedesk.dispute;

import java.util.Locale;

/**
 * The stages a filter names. PayPal's {@code CHARGEBACK} life-cycle stage is a PayPal claim, so
 * {@link #CLAIM} matches it on disputes filed at PayPal, while {@link #CHARGEBACK} means a card
 * chargeback: a dispute filed with the card issuer or bank ({@code dispute_channel EXTERNAL}).
 */
public enum FilterStage {
  INQUIRY,
  CLAIM,
  CHARGEBACK,
  PRE_ARBITRATION,
  ARBITRATION;

  /** The filter word: {@code inquiry}, {@code pre-arbitration}, ... */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * True when a dispute in PayPal's {@code stage}, filed through {@code disputeChannel}, is in this
   * stage.
   */
  boolean matches(String stage, String disputeChannel) {
    boolean external = "EXTERNAL".equals(disputeChannel);
    return switch (this) {
      case INQUIRY -> "INQUIRY".equals(stage);
      case CLAIM -> "CHARGEBACK".equals(stage) && !external;
      case CHARGEBACK -> external;
      case PRE_ARBITRATION -> "PRE_ARBITRATION".equals(stage);
      case ARBITRATION -> "ARBITRATION".equals(stage);
    };
  }
}
