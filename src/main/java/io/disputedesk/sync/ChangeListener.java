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

  /** A listener that does nothing. */
  static ChangeListener none() {
    return ids -> {};
  }
}
