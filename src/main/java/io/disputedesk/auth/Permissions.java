package io.disputedesk.auth;

import io.disputedesk.config.Roles;
import java.util.List;

/**
 * Decides on the server, from the Slack user id of the request, whether a person holds a role. Ids
 * in the lists are users ({@code U…}/{@code W…}) or user groups ({@code S…}).
 */
public final class Permissions {
  private final Roles roles;
  private final GroupDirectory groups;

  public Permissions(Roles roles, GroupDirectory groups) {
    this.roles = roles;
    this.groups = groups;
  }

  /**
   * True when someone can hold the role: its list, or the list of a role above it, has an entry.
   */
  public boolean isConfigured(Role role) {
    return switch (role) {
      case APPROVER -> !roles.approvers().isEmpty();
      case AGENT -> !roles.agents().isEmpty() || !roles.approvers().isEmpty();
      case VIEWER ->
          !roles.viewers().isEmpty() || !roles.agents().isEmpty() || !roles.approvers().isEmpty();
    };
  }

  public boolean has(String userId, Role role) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    if (contains(roles.approvers(), userId)) {
      return true;
    }
    if (role == Role.APPROVER) {
      return false;
    }
    return contains(roles.agents(), userId)
        || (role == Role.VIEWER && contains(roles.viewers(), userId));
  }

  /**
   * The configured approvers (user and user-group ids), e.g. to name them to someone who needs
   * access.
   */
  public List<String> approvers() {
    return roles.approvers();
  }

  /** How an admin grants the role, for a message to the user who lacks it. */
  public String howToGrant(Role role) {
    String setting =
        switch (role) {
          case APPROVER -> "APPROVERS";
          case AGENT -> "AGENTS (or APPROVERS)";
          case VIEWER -> "VIEWERS (or AGENTS or APPROVERS)";
        };
    if (!isConfigured(role)) {
      return "No one has this permission yet: an admin must set "
          + setting
          + " to Slack user ids (U…) or user-group ids (S…) and restart Dispute Desk.";
    }
    return "Ask an admin to add you (or a user group you are in) to " + setting + ".";
  }

  private boolean contains(List<String> ids, String userId) {
    for (String id : ids) {
      if (id.equals(userId) || (id.startsWith("S") && groups.members(id).contains(userId))) {
        return true;
      }
    }
    return false;
  }
}
