package io.disputedesk.actions;

import java.util.Objects;

/**
 * What a re-read dispute says about an action whose answer was lost: it shows the action's own
 * effect, it shows the action did not happen, or it proves neither. {@code detail} says why, in
 * words for the card's thread.
 */
public record Finding(Kind kind, String detail) {
  enum Kind {
    /** The dispute shows this action's own effect. */
    DONE,
    /**
     * The dispute shows it did not happen (PayPal still offers it, or the case closed another way).
     */
    NOT_DONE,
    /** Nothing shows either way: it must stay unknown. */
    UNPROVEN
  }

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  static Finding done(String detail) {
    return new Finding(Kind.DONE, detail);
  }

  static Finding notDone(String detail) {
    return new Finding(Kind.NOT_DONE, detail);
  }

  static Finding unproven(String detail) {
    return new Finding(Kind.UNPROVEN, detail);
  }
}
