package io.disputedesk.slack.actions;

import io.disputedesk.paypal.Dispute;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The forms card buttons open, as {@code views.open} sends them, kept per button, dispute and card
 * while what they show is unchanged: a burst of clicks on one dispute builds its form once. A form
 * shows the stored dispute (its JSON, as read for the click's checks) and, for the evidence forms,
 * what the bot knows of the order; when either differs from what the kept form was built from, it
 * is built afresh. Holds at most {@code capacity} forms, least recently used dropped first.
 *
 * <p>A click finds its form without taking a lock (a burst of clicks would queue on one); only
 * keeping a newly built form does.
 */
final class FormCache {
  private record Key(CardAction kind, String disputeId, String channel, String messageTs) {}

  /** A kept form, the dispute JSON and prefill it was built from, and when it was last used. */
  private static final class Built {
    final String disputeJson;
    final EvidencePrefill prefill;
    final String form;
    volatile long used;

    Built(String disputeJson, EvidencePrefill prefill, String form, long used) {
      this.disputeJson = disputeJson;
      this.prefill = prefill;
      this.form = form;
      this.used = used;
    }
  }

  private final int capacity;
  private final Map<Key, Built> forms = new ConcurrentHashMap<>();

  /** Counts uses, to order them. */
  private final AtomicLong uses = new AtomicLong();

  FormCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  /**
   * The {@code kind} form for {@code d} opened from the card at {@code channel}/{@code messageTs},
   * filled with {@code prefill}: the one built before from the same dispute JSON and prefill, else
   * {@code build}'s.
   */
  String form(
      CardAction kind,
      Dispute d,
      String channel,
      String messageTs,
      EvidencePrefill prefill,
      Supplier<String> build) {
    if (d.rawJson() == null) {
      return build.get();
    }
    Key key = new Key(kind, d.disputeId(), channel, messageTs);
    Built known = forms.get(key);
    if (known != null
        && known.disputeJson.equals(d.rawJson())
        && Objects.equals(known.prefill, prefill)) {
      known.used = uses.incrementAndGet();
      return known.form;
    }
    // Built outside the lock: two clicks on a changed dispute may both build it; either form is
    // right.
    String form = build.get();
    keep(key, new Built(d.rawJson(), prefill, form, uses.incrementAndGet()));
    return form;
  }

  /** Keeps {@code built}, dropping the least recently used forms beyond the capacity. */
  private synchronized void keep(Key key, Built built) {
    forms.put(key, built);
    while (forms.size() > capacity) {
      Map.Entry<Key, Built> eldest = null;
      for (Map.Entry<Key, Built> e : forms.entrySet()) {
        if (e.getValue() != built
            && (eldest == null || e.getValue().used < eldest.getValue().used)) {
          eldest = e;
        }
      }
      forms.remove(eldest.getKey(), eldest.getValue());
    }
  }

  int size() {
    return forms.size();
  }
}
