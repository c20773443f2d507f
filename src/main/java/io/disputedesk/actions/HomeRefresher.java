package io.disputedesk.actions;

/**
 * Re-publishes a person's own overview (their App Home) after their disputes changed (an
 * assignment, a sync that touched a dispute they own). Returns at once; the publish happens in the
 * background.
 */
@FunctionalInterface
public interface HomeRefresher {
  void refreshFor(String userId);
}
