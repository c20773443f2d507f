package io.disputedesk.drafts;

import java.util.Map;

/**
 * How many evidence drafts wait to be sent, per dispute: the reminders and the digest mention them.
 */
@FunctionalInterface
public interface UnsentDrafts {
  /** Dispute id → drafts not sent yet; disputes without any are left out. */
  Map<String, Integer> unsent();

  /** None, ever (tests of what does not involve drafts). */
  static UnsentDrafts none() {
    return Map::of;
  }
}
