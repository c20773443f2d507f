package io.disputedesk.auth;

import java.util.Set;

/** Looks up the members of a Slack user group ({@code S…}). */
@FunctionalInterface
public interface GroupDirectory {
  /** Member user ids; empty when the group is unknown or cannot be read. */
  Set<String> members(String groupId);
}
