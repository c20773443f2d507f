package io.disputedesk.slack.home;

import java.util.Optional;

/**
 * Where each list of a person's Home tab starts (its "show more" page); kept per person in {@link
 * HomePages}.
 */
record HomeState(int queue, int due, int unassigned, int buyer) {
  static final HomeState FIRST = new HomeState(0, 0, 0, 0);

  /** A "show more" click: which list ({@link HomeBuilder#QUEUE} …) moves to which offset. */
  record Move(String list, int offset) {}

  /**
   * The move a button value {@code <list>:<offset>} asks for; empty when unreadable or not a list.
   */
  static Optional<Move> move(String buttonValue) {
    if (buttonValue == null) {
      return Optional.empty();
    }
    int colon = buttonValue.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String list = buttonValue.substring(0, colon);
    if (!list.equals(HomeBuilder.QUEUE)
        && !list.equals(HomeBuilder.DUE)
        && !list.equals(HomeBuilder.UNASSIGNED)
        && !list.equals(HomeBuilder.BUYER)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Move(list, Math.max(0, Integer.parseInt(buttonValue.substring(colon + 1)))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
