package io.disputedesk.slack.actions;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The forms card buttons open, as {@code views.open} sends them, kept per button, dispute and card
 * while what they show is unchanged: a burst of clicks on one dispute builds its form once. A form
 * shows the stored dispute (its JSON, as read for the click's checks) and, for the evidence forms,
 * what the bot knows of the order; when either differs from what the kept form was built from, it
 * is built afresh. Holds at most {@code capacity} forms, least recently used dropped first.
 */
final class FormCache {
  private record Key(DisputeAction kind, String disputeId, String channel, String messageTs) {}

  private record Built(String disputeJson, EvidencePrefill prefill, String form) {}

  private final Map<Key, Built> forms;

  FormCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.forms =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Built> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The {@code kind} form for {@code d} opened from the card at {@code channel}/{@code messageTs},
   * filled with {@code prefill}: the one built before from the same dispute JSON and prefill, else
   * {@code build}'s.
   */
  String form(
      DisputeAction kind,
      Dispute d,
      String channel,
      String messageTs,
      EvidencePrefill prefill,
      Supplier<String> build) {
    if (d.rawJson() == null) {
      return build.get();
    }
    Key key = new Key(kind, d.disputeId(), channel, messageTs);
    synchronized (forms) {
      Built known = forms.get(key);
      if (known != null
          && known.disputeJson().equals(d.rawJson())
          && Objects.equals(known.prefill(), prefill)) {
        return known.form();
      }
    }
    // Built outside the lock: two clicks on a changed dispute may both build it; either form is
    // right.
    String form = build.get();
    synchronized (forms) {
      forms.put(key, new Built(d.rawJson(), prefill, form));
    }
    return form;
  }

  int size() {
    synchronized (forms) {
      return forms.size();
    }
  }
}
