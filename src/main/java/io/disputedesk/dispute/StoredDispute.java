package io.disputedesk.dispute;

import io.disputedesk.paypal.Dispute;
import java.time.Instant;

/**
 * A stored dispute with what only we know about it: owner and our own timestamps (nullable), and
 * the PayPal account it belongs to.
 */
public record StoredDispute(
    Dispute dispute,
    String ownerUserId,
    Instant firstSeenAt,
    Instant resolvedAt,
    Instant firstActionAt,
    String account) {

  public StoredDispute {
    account = account == null ? DisputeLine.DEFAULT_ACCOUNT : account;
  }

  public StoredDispute(
      Dispute dispute,
      String ownerUserId,
      Instant firstSeenAt,
      Instant resolvedAt,
      Instant firstActionAt) {
    this(dispute, ownerUserId, firstSeenAt, resolvedAt, firstActionAt, DisputeLine.DEFAULT_ACCOUNT);
  }

  /** What a filter looks at in this dispute. */
  public DisputeFacts facts() {
    return DisputeFacts.of(account, dispute);
  }

  public StoredDispute(
      Dispute dispute, String ownerUserId, Instant firstSeenAt, Instant resolvedAt) {
    this(dispute, ownerUserId, firstSeenAt, resolvedAt, null);
  }
}
