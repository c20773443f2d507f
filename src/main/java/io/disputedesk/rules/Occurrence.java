package io.disputedesk.rules;

import io.disputedesk.sync.DisputeEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * One occurrence of a trigger on a dispute, with a key that names it the same way on every replica
 * and after every restart (from PayPal's own times), so the run ledger can hold each once.
 */
record Occurrence(RuleTrigger trigger, String key) {

  /**
   * The occurrence an event of a read updated at {@code updateTime} is, if a rule can trigger on
   * it.
   */
  static Optional<Occurrence> of(DisputeEvent event, Instant updateTime) {
    String at = updateTime == null ? "none" : Long.toString(updateTime.toEpochMilli());
    if (event instanceof DisputeEvent.New) {
      return Optional.of(new Occurrence(RuleTrigger.NEW_DISPUTE, "new"));
    }
    if (event instanceof DisputeEvent.StatusChanged s) {
      return Optional.of(new Occurrence(RuleTrigger.STATUS_CHANGE, "status:" + at + ":" + s.to()));
    }
    if (event instanceof DisputeEvent.StageChanged s) {
      return Optional.of(new Occurrence(RuleTrigger.STAGE_CHANGE, "stage:" + at + ":" + s.to()));
    }
    if (event instanceof DisputeEvent.BuyerMessage m) {
      return Optional.of(
          new Occurrence(
              RuleTrigger.BUYER_MESSAGE,
              "buyer-message:" + (m.at() == null ? at : Long.toString(m.at().toEpochMilli()))));
    }
    return Optional.empty();
  }

  /** The seller's deadline at {@code due} has come within a rule's window. */
  static Occurrence due(Instant due) {
    return new Occurrence(RuleTrigger.DUE_WITHIN, "due:" + due.toEpochMilli());
  }
}
