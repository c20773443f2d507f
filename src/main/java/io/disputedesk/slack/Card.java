package io.disputedesk.slack;

import java.time.Instant;

/**
 * Where one of a dispute's Slack cards is, the dispute {@code update_time} it last showed, and
 * whether the dispute is still routed to its channel (false: the card says where it went).
 */
public record Card(
    String disputeId,
    String channel,
    String ts,
    Instant renderedUpdate,
    Instant renderedAt,
    boolean routed) {

  public Card(
      String disputeId, String channel, String ts, Instant renderedUpdate, Instant renderedAt) {
    this(disputeId, channel, ts, renderedUpdate, renderedAt, true);
  }
}
