package io.disputedesk.order;

import java.util.Optional;

/** Where cards read a dispute's order facts from: the store, or a fake in tests. */
@FunctionalInterface
public interface OrderFactsSource {
  /** The facts as last stored; empty when the bot never asked PayPal about this dispute. */
  Optional<OrderFacts> find(String disputeId);

  /** A source that knows nothing (cards without the order section). */
  static OrderFactsSource none() {
    return id -> Optional.empty();
  }
}
