package io.disputedesk.slack.actions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.actions.SeenDispute;
import java.util.Objects;
import java.util.Optional;

/**
 * What a modal needs to remember between opening and submission, kept in its {@code
 * private_metadata} as compact JSON (Slack allows 3,000 characters): the dispute, the card's
 * channel and message, what the form showed of the dispute (update time, disputed amount, allowed
 * refund, stage), so that money never moves on numbers the person did not see, and which try this
 * is after PayPal refused earlier ones.
 */
record ModalContext(
    @JsonProperty("d") String disputeId,
    @JsonProperty("c") String channel,
    @JsonProperty("t") String messageTs,
    @JsonProperty("s") SeenDispute seen,
    @JsonProperty("n") Integer attempt,
    @JsonProperty("r") Long draft) {

  static final int MAX_CHARS = 3000;

  ModalContext {
    Objects.requireNonNull(disputeId, "disputeId");
  }

  /** A form as first opened from the card. */
  ModalContext(String disputeId, String channel, String messageTs, SeenDispute seen) {
    this(disputeId, channel, messageTs, seen, null, null);
  }

  /**
   * How often the form was sent back for another try after PayPal refused it: each try is a new
   * intent, while a repeated delivery of the same try stays one.
   */
  int tries() {
    return attempt == null ? 0 : attempt;
  }

  /** The same form, sent back after a refusal for the next try. */
  ModalContext nextTry() {
    return new ModalContext(disputeId, channel, messageTs, seen, tries() + 1, draft);
  }

  /** The same form, editing the evidence draft {@code id}. */
  ModalContext editing(long id) {
    return new ModalContext(disputeId, channel, messageTs, seen, attempt, id);
  }

  String toJson(ObjectMapper mapper) {
    try {
      String json = mapper.writeValueAsString(this);
      if (json.length() > MAX_CHARS) {
        throw new IllegalStateException("private_metadata over " + MAX_CHARS + " characters");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write modal context", e);
    }
  }

  /** The context of a submitted modal; empty when the metadata is missing or not ours. */
  static Optional<ModalContext> parse(ObjectMapper mapper, String privateMetadata) {
    if (privateMetadata == null || privateMetadata.isBlank()) {
      return Optional.empty();
    }
    try {
      ModalContext context = mapper.readValue(privateMetadata, ModalContext.class);
      return context.disputeId() == null || context.disputeId().isBlank()
          ? Optional.empty()
          : Optional.of(context);
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
