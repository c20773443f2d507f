package io.disputedesk.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.Action;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeAction;

/**
 * Stores an {@link ActionRequest} (and what the person saw) in the action row and reads it back for
 * approval and reconciliation.
 */
public final class RequestCodec {
  private final ActionKinds kinds;
  private final ObjectMapper mapper;

  public RequestCodec(ActionKinds kinds, ObjectMapper mapper) {
    this.kinds = kinds;
    this.mapper = mapper;
  }

  String encode(ActionRequest request) {
    try {
      return mapper.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store a " + request.action() + " request", e);
    }
  }

  ActionRequest decode(DisputeAction kind, String json) {
    try {
      return mapper.readValue(json, kinds.of(kind).requestType());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + kind + " request is unreadable", e);
    }
  }

  /** What the recorded action {@code a} asked for, briefly, as its thread reports say it. */
  String details(Action a) {
    return kinds.details(decode(a.kind(), a.requestJson()), a.amount());
  }

  String encodeSeen(SeenDispute seen) {
    try {
      return mapper.writeValueAsString(seen);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store what the person saw", e);
    }
  }

  SeenDispute decodeSeen(String json) {
    try {
      return mapper.readValue(json, SeenDispute.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored record of what the person saw is unreadable", e);
    }
  }
}
