package io.disputedesk.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * How one PayPal account's polling stands: its last successful poll, and the last error when no
 * poll has succeeded since it (no secrets: PayPal's status and message only).
 */
public record AccountStatus(
    String account,
    Optional<Instant> lastSuccess,
    Optional<String> lastError,
    Optional<Instant> lastErrorAt) {

  /** True while the last poll of the account succeeded (or it has not failed yet). */
  public boolean ok() {
    return lastError.isEmpty();
  }
}
