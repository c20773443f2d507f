package io.disputedesk.sync;

import java.util.Set;

/**
 * Told which disputes a poll, webhook or refresh stored with a new update time, once committed:
 * for views besides the card that show them (a person's App Home). Runs on the syncing thread, so
 * slow work belongs on an executor.
 */
@FunctionalInterface
public interface ChangeListener {
  void changed(Set<String> disputeIds);

  /** This listener, then {@code next}, which is told even when this one fails. */
  default ChangeListener andThen(ChangeListener next) {
    return ids -> {
      try {
        changed(ids);
      } finally {
        next.changed(ids);
      }
    };
  }

  /** A listener that does nothing. */
  static ChangeListener none() {
    return ids -> {};
  }
}
