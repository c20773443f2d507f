package io.disputedesk.dispute;

import io.disputedesk.paypal.Dispute;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last parsed form of recently read disputes, keyed by their stored JSON: reading the same JSON
 * again returns the same {@link Dispute} without parsing it, and JSON that changed in any way is
 * parsed afresh. A click reads its dispute before the form opens; parsing PayPal's full dispute
 * JSON every time was most of that read. Holds at most {@code capacity} disputes, least recently
 * used dropped first.
 */
final class ParsedDisputes {
  private record Parsed(String json, Dispute dispute) {}

  private final Map<String, Parsed> byId;

  ParsedDisputes(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.byId =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The dispute {@code json} (stored for {@code id}) describes, parsed by {@code parse} unless
   * parsed before.
   */
  Dispute get(String id, String json, Function<String, Dispute> parse) {
    synchronized (byId) {
      Parsed known = byId.get(id);
      if (known != null && known.json().equals(json)) {
        return known.dispute();
      }
    }
    // Parsed outside the lock: two readers of new JSON may both parse it; either result is right.
    Dispute parsed = parse.apply(json);
    synchronized (byId) {
      byId.put(id, new Parsed(json, parsed));
    }
    return parsed;
  }

  int size() {
    synchronized (byId) {
      return byId.size();
    }
  }
}
