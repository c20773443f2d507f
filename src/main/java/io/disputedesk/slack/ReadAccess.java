package io.disputedesk.slack;

import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may see disputes (buyer names, messages and transaction ids are personal data): viewers,
 * agents and approvers. Every refusal is written to the audit log like a refused action, so call it
 * off the ack path.
 */
public final class ReadAccess {
  private static final int NAMED_APPROVERS = 5;

  private final Permissions permissions;
  private final AuditLog audit;
  private final Clock clock;

  public ReadAccess(Permissions permissions, AuditLog audit, Clock clock) {
    this.permissions = permissions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Empty when the person may see disputes; otherwise the note to show them, after auditing the
   * refusal as {@code action} (on {@code disputeId}, nullable).
   */
  public Optional<String> refusal(String userId, String action, String disputeId) {
    if (permissions.has(userId, Role.VIEWER)) {
      return Optional.empty();
    }
    audit(
        userId,
        action,
        disputeId,
        permissions.isConfigured(Role.VIEWER)
            ? "user lacks " + Role.VIEWER
            : "no " + Role.VIEWER + " configured");
    return Optional.of(note());
  }

  /**
   * Audits a refusal decided elsewhere (a stricter role, a share outside the disputes channels).
   */
  public void audit(String userId, String action, String disputeId, String detail) {
    audit.append(
        new AuditEntry(clock.instant(), userId, disputeId, action, null, "DENIED", null, detail));
  }

  /** What someone who may not see disputes is told: why, and who can grant access. */
  public String note() {
    StringBuilder note =
        new StringBuilder(
                ":lock: Dispute Desk shows disputes only to its viewers, agents and"
                    + " approvers: buyer names, messages and transaction ids are personal data. ")
            .append(permissions.howToGrant(Role.VIEWER));
    List<String> approvers = permissions.approvers();
    if (!approvers.isEmpty()) {
      note.append(" Approvers you can ask: ")
          .append(
              approvers.stream()
                  .limit(NAMED_APPROVERS)
                  .map(ReadAccess::mention)
                  .collect(Collectors.joining(", ")))
          .append(approvers.size() > NAMED_APPROVERS ? " and others." : ".");
    }
    return note.toString();
  }

  private static String mention(String id) {
    return id.startsWith("S") ? "<!subteam^" + id + ">" : "<@" + id + ">";
  }
}
