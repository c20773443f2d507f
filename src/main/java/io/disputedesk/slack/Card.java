package io.disputedesk.slack;

import java.time.Instant;

/** Where a dispute's Slack card is, and the dispute {@code update_time} it last showed. */
public record Card(String disputeId, String channel, String ts, Instant renderedUpdate, Instant renderedAt) {}
