package io.disputedesk.actions;

import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.DisputeAction;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides on the server whether a person may start an action now: their role (from the Slack user
 * id of the request only), that we know the dispute, and that PayPal still offers the action's link
 * on the stored dispute. Checking only reads, so it is cheap enough before an ack; the refusal's
 * audit entry is written by {@link #record}, which callers run off the ack path.
 */
public final class ActionGate {
  private final Permissions permissions;
  private final DisputeStore disputes;
  private final AuditLog audit;
  private final Clock clock;

  public ActionGate(Permissions permissions, DisputeStore disputes, AuditLog audit, Clock clock) {
    this.permissions = permissions;
    this.disputes = disputes;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The verdict: a refusal to show the person (with its audit entry), or the stored dispute to act
   * on.
   */
  public record Verdict(ActionOutcome refusal, StoredDispute dispute, AuditEntry auditEntry) {
    public boolean allowed() {
      return refusal == null;
    }
  }

  /** Role, dispute and link check for a PayPal action clicked on a card. */
  public Verdict check(String userId, String disputeId, ActionKind kind) {
    return check(userId, disputeId, kind, "since the card was drawn");
  }

  /**
   * As {@link #check(String, String, ActionKind)}; {@code since} says when the person last saw the
   * dispute.
   */
  Verdict check(String userId, String disputeId, ActionKind kind, String since) {
    String name = kind.action().name();
    Verdict byRole = checkRole(userId, disputeId, kind.role(), name, kind.title());
    if (!byRole.allowed()) {
      return byRole;
    }
    if (!byRole.dispute().dispute().allows(kind.action())) {
      return refuse(
          Result.LINK_GONE,
          "PayPal no longer offers *"
              + kind.title()
              + "* on "
              + disputeId
              + ": the dispute changed "
              + since
              + ". I'm refreshing the card.",
          entry(userId, disputeId, name, "LINK_GONE", "PayPal no longer offers the link"));
    }
    return byRole;
  }

  /**
   * Role and dispute check for a step that needs no PayPal link (assign, refresh); {@code action}
   * names it in the audit log and {@code title} for the person.
   */
  public Verdict checkRole(
      String userId, String disputeId, Role role, String action, String title) {
    if (!permissions.has(userId, role)) {
      String who = role == Role.APPROVER ? "approvers" : "agents and approvers";
      return refuse(
          Result.DENIED,
          "Only " + who + " can use *" + title + "*. " + permissions.howToGrant(role),
          entry(
              userId,
              disputeId,
              action,
              "DENIED",
              permissions.isConfigured(role)
                  ? "user lacks " + role
                  : "no " + role + " configured"));
    }
    Optional<StoredDispute> stored = disputes.find(disputeId);
    if (stored.isEmpty()) {
      return refuse(
          Result.NOT_FOUND,
          "I don't know dispute "
              + disputeId
              + " yet; it shows up after the next sync with PayPal.",
          entry(userId, disputeId, action, "NOT_FOUND", null));
    }
    return new Verdict(null, stored.get(), null);
  }

  /**
   * Writes a refusal's audit entry (unauthorised attempts included); nothing for an allowed
   * verdict.
   */
  public void record(Verdict verdict) {
    if (verdict.auditEntry() != null) {
      audit.append(verdict.auditEntry());
    }
  }

  /** Audits a money action refused because the dispute changed since the person saw it. */
  public void recordChanged(String userId, String disputeId, DisputeAction kind, String what) {
    audit.append(entry(userId, disputeId, kind.name(), "CHANGED", what));
  }

  /** True when the person holds the role (no audit: approvals audit their own refusals). */
  boolean has(String userId, Role role) {
    return permissions.has(userId, role);
  }

  String howToGrant(Role role) {
    return permissions.howToGrant(role);
  }

  private static Verdict refuse(Result result, String message, AuditEntry entry) {
    return new Verdict(ActionOutcome.of(result, message), null, entry);
  }

  private AuditEntry entry(
      String userId, String disputeId, String action, String outcome, String detail) {
    return new AuditEntry(clock.instant(), userId, disputeId, action, null, outcome, null, detail);
  }
}
