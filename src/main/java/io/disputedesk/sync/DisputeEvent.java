package io.disputedesk.sync;

import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferEventType;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.paypal.Party;
import java.time.Instant;
import java.util.List;

/**
 * Something that changed about a dispute between two reads. Fields may be null where PayPal gave
 * nothing.
 */
public sealed interface DisputeEvent {

  /** A short stable name for dedupe keys, e.g. {@code status}. */
  String kind();

  /** First time we see the dispute. */
  record New() implements DisputeEvent {
    @Override
    public String kind() {
      return "new";
    }
  }

  record StatusChanged(DisputeStatus from, DisputeStatus to) implements DisputeEvent {
    @Override
    public String kind() {
      return "status";
    }
  }

  /** Inquiry → claim → pre-arbitration → arbitration. */
  record StageChanged(LifecycleStage from, LifecycleStage to) implements DisputeEvent {
    @Override
    public String kind() {
      return "stage";
    }
  }

  record BuyerMessage(String text, Instant at) implements DisputeEvent {
    @Override
    public String kind() {
      return "buyer-message";
    }
  }

  /** An offer was proposed, accepted or denied, by {@code actor}. */
  record OfferEvent(OfferEventType type, OfferType offerType, Money amount, Party actor)
      implements DisputeEvent {
    @Override
    public String kind() {
      return "offer";
    }
  }

  /** PayPal asked the seller for these evidence types (new since the last read). */
  record EvidenceRequested(List<String> types) implements DisputeEvent {
    public EvidenceRequested {
      types = List.copyOf(types);
    }

    @Override
    public String kind() {
      return "evidence-requested";
    }
  }

  /** The seller's response deadline moved or appeared. */
  record DueDateChanged(Instant from, Instant to) implements DisputeEvent {
    @Override
    public String kind() {
      return "due-date";
    }
  }

  record Resolved(OutcomeCode outcome, Money refunded) implements DisputeEvent {
    @Override
    public String kind() {
      return "resolved";
    }
  }
}
