package io.disputedesk.slack.home;

import io.disputedesk.actions.HomeRefresher;
import io.disputedesk.dispute.Assignment;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.sync.ChangeListener;
import java.util.Optional;
import java.util.Set;

/**
 * Re-publishes the Home tab of each person who owns one of the changed disputes. Only owners: their
 * queue is the personal part of the tab, and a person who owns nothing may never have opened it;
 * everyone else's tab catches up when they open it next.
 */
public final class OwnerHomes implements ChangeListener {
  private final AssignmentStore owners;
  private final HomeRefresher homes;

  public OwnerHomes(AssignmentStore owners, HomeRefresher homes) {
    this.owners = owners;
    this.homes = homes;
  }

  /** Looks the owners up (one small read per dispute) and queues one publish per owner. */
  @Override
  public void changed(Set<String> disputeIds) {
    disputeIds.stream()
        .map(owners::owner)
        .flatMap(Optional::stream)
        .map(Assignment::userId)
        .distinct()
        .forEach(homes::refreshFor);
  }
}
