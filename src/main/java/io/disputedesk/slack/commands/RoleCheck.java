package io.disputedesk.slack.commands;

import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import java.time.Clock;
import java.util.Optional;

/** The role check of the rules and away commands: a refusal is audited and says who may. */
final class RoleCheck {
  private final Permissions permissions;
  private final AuditLog audit;
  private final Clock clock;

  RoleCheck(Permissions permissions, AuditLog audit, Clock clock) {
    this.permissions = permissions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Empty when {@code callerId} has {@code role}; otherwise the answer that refuses them. */
  Optional<CommandReply> refuse(String callerId, Role role, String action, String what) {
    if (permissions.has(callerId, role)) {
      return Optional.empty();
    }
    audit.append(
        new AuditEntry(
            clock.instant(),
            callerId,
            null,
            action,
            null,
            "DENIED",
            null,
            permissions.isConfigured(role) ? "user lacks " + role : "no " + role + " configured"));
    String who =
        switch (role) {
          case APPROVER -> "approvers";
          case AGENT -> "agents and approvers";
          case VIEWER -> "people who may see disputes";
        };
    return Optional.of(
        CommandReply.text(
            ":no_entry: Only " + who + " can " + what + ". " + permissions.howToGrant(role)));
  }
}
