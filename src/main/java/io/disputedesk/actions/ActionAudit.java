package io.disputedesk.actions;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import java.time.Clock;

/** Writes what happened to an action row into the audit log. */
public final class ActionAudit {
  private final AuditLog log;
  private final Clock clock;

  public ActionAudit(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** {@code userId} is who did this step: the requester, or the approver for approvals. */
  void record(
      Action a, String userId, String outcome, String summary, String debugId, String detail) {
    log.append(
        new AuditEntry(
            clock.instant(),
            userId,
            a.disputeId(),
            a.kind().name(),
            "#" + a.id() + " " + summary,
            outcome,
            debugId,
            detail));
  }
}
