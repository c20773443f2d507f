package io.disputedesk.paypal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The actions the bot knows, by the name the action ledger stores: built once by the composition
 * root from the action descriptors, so no list of actions lives in this layer.
 */
public final class DisputeActions {
  private final Map<String, DisputeAction> byName = new LinkedHashMap<>();

  public DisputeActions(Collection<DisputeAction> actions) {
    for (DisputeAction a : actions) {
      if (byName.putIfAbsent(a.name(), a) != null) {
        throw new IllegalArgumentException("two actions are named " + a.name());
      }
    }
  }

  /** The action stored as {@code name}; empty for a name no descriptor has (any more). */
  public Optional<DisputeAction> named(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }
}
