package io.disputedesk.paypal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Turns a non-2xx reply into the matching {@link PayPalException}. */
final class ErrorReader {
  private final ObjectMapper mapper;

  ErrorReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The exception for {@code reply}. For an action ({@code actionSent}), a 5xx means PayPal may
   * have acted anyway, so it becomes {@link ActionOutcomeUnknownException}.
   */
  PayPalException toException(String operation, Reply reply, boolean actionSent) {
    PayPalError error = parse(reply.body());
    String name = error == null ? null : error.effectiveName();
    String message = error == null ? null : error.effectiveMessage();
    String debugId = error != null && error.debugId() != null ? error.debugId() : reply.debugId();
    List<PayPalException.Problem> issues = error == null ? List.of() : error.problems();
    if (actionSent && reply.status() >= 500) {
      return new ActionOutcomeUnknownException(
          operation, reply.status(), name, message, debugId, issues, null);
    }
    return new PayPalException(operation, reply.status(), name, message, debugId, issues, null);
  }

  private PayPalError parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return mapper.readValue(body, PayPalError.class);
    } catch (JsonProcessingException e) {
      // Gateways in front of PayPal sometimes answer with HTML; the status still says enough.
      return null;
    }
  }
}
