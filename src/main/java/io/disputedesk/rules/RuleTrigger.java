package io.disputedesk.rules;

import java.util.Locale;

/** What starts a rule: a change the sync sees, or a deadline coming close. */
public enum RuleTrigger {
  NEW_DISPUTE("new dispute"),
  STATUS_CHANGE("status change"),
  STAGE_CHANGE("stage change"),
  BUYER_MESSAGE("buyer message"),
  DUE_WITHIN("due within");

  private final String words;

  RuleTrigger(String words) {
    this.words = words;
  }

  /** How the config file and {@code /disputes rules} say it. */
  public String words() {
    return words;
  }

  /**
   * The trigger for config words ({@code new dispute}, {@code new}, {@code status-change}, ...), or
   * null.
   */
  static RuleTrigger of(String text) {
    String t =
        text.trim()
            .toLowerCase(Locale.ROOT)
            .replace('-', ' ')
            .replace('_', ' ')
            .replaceAll("\\s+", " ");
    return switch (t) {
      case "new dispute", "new", "new disputes" -> NEW_DISPUTE;
      case "status change", "status", "status changed" -> STATUS_CHANGE;
      case "stage change", "stage", "stage changed" -> STAGE_CHANGE;
      case "buyer message", "buyer messages", "buyer writes", "message from buyer" -> BUYER_MESSAGE;
      default -> null;
    };
  }
}
