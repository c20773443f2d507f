package io.disputedesk.slack.commands;

import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.Assignment;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.SlackPost;
import io.disputedesk.slack.home.HomeRefresher;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code assign} and {@code unassign}: the same rule as the card's buttons (agents only), then
 * the owner change, an audit entry, a note in the card's thread, a card refresh and the Home tabs
 * of the people concerned, all queued in one transaction.
 */
public final class AssignCommands {
  private final Database db;
  private final DisputeQueries queries;
  private final AssignmentStore assignments;
  private final AuditLog audit;
  private final Notifier notifier;
  private final Permissions permissions;
  private final People people;
  private final HomeRefresher homes;
  private final Clock clock;

  public AssignCommands(Database db, DisputeQueries queries, AssignmentStore assignments, AuditLog audit,
      Notifier notifier, Permissions permissions, People people, HomeRefresher homes, Clock clock) {
    this.db = db;
    this.queries = queries;
    this.assignments = assignments;
    this.audit = audit;
    this.notifier = notifier;
    this.permissions = permissions;
    this.people = people;
    this.homes = homes;
    this.clock = clock;
  }

  Reply assign(Command.Assign cmd, String callerId) {
    Optional<Reply> refused = refuse(cmd.disputeId(), callerId, "assign");
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<String> notAssignable = people.whyNotAssignable(cmd.userId());
    if (notAssignable.isPresent()) {
      return Reply.text(":warning: " + notAssignable.get() + "\nUsage: `" + Usage.ASSIGN + "`");
    }
    Instant now = clock.instant();
    Optional<Assignment> previous = db.inTransaction(c -> {
      Optional<Assignment> before = assignments.assign(cmd.disputeId(), cmd.userId(), callerId);
      audit.append(new AuditEntry(now, callerId, cmd.disputeId(), "ASSIGN", "owner " + cmd.userId(), "OK", null,
          "/disputes assign"));
      String note = "<@" + callerId + "> assigned this dispute to <@" + cmd.userId() + ">"
          + before.filter(b -> !b.userId().equals(cmd.userId())).map(b -> " (was <@" + b.userId() + ">)").orElse("") + ".";
      changed(cmd.disputeId(), "assign:" + cmd.userId() + ":" + now.toEpochMilli(), note);
      return before;
    });
    homes.refreshFor(cmd.userId());
    previous.filter(p -> !p.userId().equals(cmd.userId())).ifPresent(p -> homes.refreshFor(p.userId()));
    String was = previous.filter(p -> !p.userId().equals(cmd.userId()))
        .map(p -> " (was <@" + p.userId() + ">)").orElse("");
    return Reply.text(":white_check_mark: " + cmd.disputeId() + " is now assigned to <@" + cmd.userId() + ">" + was + ".");
  }

  Reply unassign(Command.Unassign cmd, String callerId) {
    Optional<Reply> refused = refuse(cmd.disputeId(), callerId, "unassign");
    if (refused.isPresent()) {
      return refused.get();
    }
    Instant now = clock.instant();
    Optional<Assignment> previous = db.inTransaction(c -> {
      Optional<Assignment> before = assignments.owner(cmd.disputeId());
      if (before.isEmpty()) {
        return before;
      }
      assignments.unassign(cmd.disputeId());
      audit.append(new AuditEntry(now, callerId, cmd.disputeId(), "UNASSIGN", "owner was " + before.get().userId(),
          "OK", null, "/disputes unassign"));
      changed(cmd.disputeId(), "unassign:" + now.toEpochMilli(),
          "<@" + callerId + "> removed <@" + before.get().userId() + "> as owner; the dispute is unassigned.");
      return before;
    });
    if (previous.isEmpty()) {
      return Reply.text(cmd.disputeId() + " has no owner; nothing to change.");
    }
    homes.refreshFor(previous.get().userId());
    return Reply.text(":white_check_mark: " + cmd.disputeId() + " is unassigned (was <@" + previous.get().userId() + ">).");
  }

  /** Why the caller may not change this dispute's owner, if they may not. */
  private Optional<Reply> refuse(String disputeId, String callerId, String verb) {
    if (!permissions.has(callerId, Role.AGENT)) {
      return Optional.of(Reply.text(":no_entry: You can't " + verb + " disputes. " + permissions.howToGrant(Role.AGENT)));
    }
    if (queries.line(disputeId).isEmpty()) {
      return Optional.of(Reply.text("No dispute “" + CommandParser.quote(disputeId) + "” is known to Dispute Desk."));
    }
    return Optional.empty();
  }

  private void changed(String disputeId, String reason, String note) {
    notifier.threadReply(disputeId, reason, SlackPost.text(note));
    notifier.refreshCard(disputeId, reason);
  }
}
