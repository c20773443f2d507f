package io.disputedesk.dispute;

import io.disputedesk.paypal.Dispute;
import java.time.Instant;

/** A stored dispute with what only we know about it: owner and our own timestamps (nullable). */
public record StoredDispute(
    Dispute dispute, String ownerUserId, Instant firstSeenAt, Instant resolvedAt, Instant firstActionAt) {

  public StoredDispute(Dispute dispute, String ownerUserId, Instant firstSeenAt, Instant resolvedAt) {
    this(dispute, ownerUserId, firstSeenAt, resolvedAt, null);
  }
}
