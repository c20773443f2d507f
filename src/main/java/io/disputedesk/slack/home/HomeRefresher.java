package io.disputedesk.slack.home;

/**
 * Re-publishes a person's App Home after their disputes changed (an assignment, a sync that
 * touched a dispute they own). Returns at once; the publish happens in the background.
 */
@FunctionalInterface
public interface HomeRefresher {
  void refreshFor(String userId);
}
