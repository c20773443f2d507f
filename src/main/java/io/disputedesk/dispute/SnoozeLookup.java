package io.disputedesk.dispute;

import java.util.Optional;

/** Finds a dispute's latest snooze (asleep or not), for the card. */
@FunctionalInterface
public interface SnoozeLookup {
  Optional<Snooze> find(String disputeId);
}
