package io.disputedesk.sync;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Told which disputes a poll, webhook or refresh stored with a new update time, once committed: for
 * views besides the card that show them (a person's App Home). Runs on the syncing thread, so slow
 * work belongs on an executor.
 */
@FunctionalInterface
public interface ChangeListener {
  void changed(Set<String> disputeIds);

  /**
   * Told, once committed, the events one read of a dispute (updated at {@code updateTime}) brought:
   * for automation rules. Nothing by default.
   */
  default void events(String disputeId, Instant updateTime, List<DisputeEvent> events) {}

  /**
   * Told the same events inside the transaction that stores the read, before {@link #events}: what
   * a listener writes here commits with the read or not at all, so a stop between the commit and
   * {@link #events} loses nothing. A failure here rolls the read back (it is set aside and read
   * again). Nothing by default.
   */
  default void recording(String disputeId, Instant updateTime, List<DisputeEvent> events) {}

  /** This listener, then {@code next}, which is told even when this one fails. */
  default ChangeListener andThen(ChangeListener next) {
    ChangeListener first = this;
    return new ChangeListener() {
      @Override
      public void changed(Set<String> ids) {
        try {
          first.changed(ids);
        } finally {
          next.changed(ids);
        }
      }

      @Override
      public void events(String disputeId, Instant updateTime, List<DisputeEvent> events) {
        try {
          first.events(disputeId, updateTime, events);
        } finally {
          next.events(disputeId, updateTime, events);
        }
      }

      @Override
      public void recording(String disputeId, Instant updateTime, List<DisputeEvent> events) {
        // No finally: a failure must roll the read back before anyone else records it.
        first.recording(disputeId, updateTime, events);
        next.recording(disputeId, updateTime, events);
      }
    };
  }

  /** A listener that does nothing. */
  static ChangeListener none() {
    return ids -> {};
  }
}
