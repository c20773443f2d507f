package io.disputedesk.dispute;

import io.disputedesk.paypal.Dispute;
import java.util.Optional;

/**
 * What an upsert found and did: the dispute as stored before, and whether the new one was written.
 */
public record UpsertResult(Optional<Dispute> previous, boolean stored) {
  public UpsertResult {
    previous = previous == null ? Optional.empty() : previous;
  }

  /** True when the dispute was not stored before this upsert. */
  public boolean isNew() {
    return previous.isEmpty();
  }
}
