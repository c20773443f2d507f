package io.disputedesk.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what delivering an outbox row needs before any Slack call: its dispute, routes, payload.
 */
final class DeliveryInputs {
  private static final Logger log = LoggerFactory.getLogger(DeliveryInputs.class);

  private final DisputeStore disputes;

  /** Null: every row's channel is one its dispute is routed to. */
  private final CardRouting routing;

  private final ObjectMapper mapper;

  DeliveryInputs(DisputeStore disputes, CardRouting routing, ObjectMapper mapper) {
    this.disputes = disputes;
    this.routing = routing;
    this.mapper = mapper;
  }

  /**
   * Runs a step that comes before any Slack call (reading the dispute, drawing the card, reading
   * the payload); its failure means nothing was sent.
   */
  static <T> T prepare(String what, Supplier<T> step) {
    try {
      return step.get();
    } catch (UndeliverableException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("Outbox step failed before any Slack call: {}", what, e);
      throw new UndeliverableException(what + ": " + e.getClass().getSimpleName(), e);
    }
  }

  StoredDispute storedDispute(OutboxRow row) {
    return prepare("dispute not readable", () -> disputes.find(row.disputeId()))
        .orElseThrow(() -> new UndeliverableException("dispute not stored", null));
  }

  boolean routedHere(OutboxRow row) {
    return routing == null || channelsFor(row).contains(row.channel());
  }

  List<String> channelsFor(OutboxRow row) {
    return prepare("routes not readable", () -> routing.channelsFor(row.disputeId()));
  }

  SlackPost post(OutboxRow row) {
    return prepare("unreadable payload", () -> readPost(row));
  }

  ThreadEdit threadEdit(OutboxRow row) {
    return prepare("unreadable payload", () -> readThreadEdit(row));
  }

  private SlackPost readPost(OutboxRow row) {
    try {
      return mapper.readValue(row.payload(), SlackPost.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UndeliverableException("unreadable payload", null);
    }
  }

  private ThreadEdit readThreadEdit(OutboxRow row) {
    try {
      ThreadEdit edit = mapper.readValue(row.payload(), ThreadEdit.class);
      if (edit.target() == null || edit.post() == null) {
        throw new UndeliverableException("unreadable payload", null);
      }
      return edit;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UndeliverableException("unreadable payload", null);
    }
  }
}
