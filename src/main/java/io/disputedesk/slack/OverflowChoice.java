package io.disputedesk.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * What an option of a card's overflow menu ({@link Ids#MORE_ACTIONS}) stands for: the action id it
 * replaces and the dispute, carried in the option's value as {@code <actionId>:<disputeId>}.
 */
public record OverflowChoice(String actionId, String disputeId) {
  public OverflowChoice {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(disputeId, "disputeId");
    if (actionId.contains(":")) {
      throw new IllegalArgumentException("action id must not contain ':'");
    }
  }

  public String value() {
    return actionId + ":" + disputeId;
  }

  /** Reads an option value; empty when it is not one of ours. */
  public static Optional<OverflowChoice> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new OverflowChoice(value.substring(0, colon), value.substring(colon + 1)));
  }
}
