package io.disputedesk.slack.home;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where each list of the Home tab starts (its "show more" page), kept in the view's private
 * metadata so a click knows the other lists' positions.
 */
record HomeState(int queue, int due, int unassigned, int buyer) {
  static final HomeState FIRST = new HomeState(0, 0, 0, 0);

  /** The state after a "show more" click whose value is {@code <list>:<offset>}; unchanged when unreadable. */
  HomeState moved(String buttonValue) {
    if (buttonValue == null) {
      return this;
    }
    int colon = buttonValue.indexOf(':');
    if (colon < 0) {
      return this;
    }
    int offset;
    try {
      offset = Math.max(0, Integer.parseInt(buttonValue.substring(colon + 1)));
    } catch (NumberFormatException e) {
      return this;
    }
    return switch (buttonValue.substring(0, colon)) {
      case HomeBuilder.QUEUE -> new HomeState(offset, due, unassigned, buyer);
      case HomeBuilder.DUE -> new HomeState(queue, offset, unassigned, buyer);
      case HomeBuilder.UNASSIGNED -> new HomeState(queue, due, offset, buyer);
      case HomeBuilder.BUYER -> new HomeState(queue, due, unassigned, offset);
      default -> this;
    };
  }

  String toMetadata(ObjectMapper mapper) {
    try {
      return mapper.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the Home tab state", e);
    }
  }

  static HomeState fromMetadata(ObjectMapper mapper, String metadata) {
    if (metadata == null || metadata.isBlank()) {
      return FIRST;
    }
    try {
      return mapper.readValue(metadata, HomeState.class);
    } catch (JsonProcessingException e) {
      return FIRST;
    }
  }
}
