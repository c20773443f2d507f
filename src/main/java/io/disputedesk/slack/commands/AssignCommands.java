package io.disputedesk.slack.commands;

import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.actions.Assignments;
import io.disputedesk.actions.Assignments.OwnerChange;
import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code assign} and {@code unassign}: the command's checks and answers around {@link Assignments},
 * which the card's buttons use too (the agent rule, the owner change, its audit entry, thread note,
 * card redraw and the Home tabs of the people concerned).
 */
public final class AssignCommands {
  private final Assignments assignments;
  private final Permissions permissions;
  private final People people;
  private final Clock clock;

  /** {@code permissions} only explains a refusal; {@link Assignments} applies the rule. */
  public AssignCommands(
      Assignments assignments, Permissions permissions, People people, Clock clock) {
    this.assignments = assignments;
    this.permissions = permissions;
    this.people = people;
    this.clock = clock;
  }

  CommandReply assign(Command.Assign cmd, String callerId) {
    Optional<ActionOutcome> refused = assignments.refusalToAssign(cmd.disputeId(), callerId);
    if (refused.isPresent()) {
      return refusal(refused.get(), cmd.disputeId(), "assign");
    }
    Optional<String> notAssignable = people.whyNotAssignable(cmd.userId());
    if (notAssignable.isPresent()) {
      return CommandReply.text(
          ":warning: " + notAssignable.get() + "\nUsage: `" + Usage.ASSIGN + "`");
    }
    OwnerChange change =
        assignments.assign(
            cmd.disputeId(), cmd.userId(), callerId, intentKey(callerId, cmd.userId()));
    if (change.outcome().result() != Result.DONE) {
      return refusal(change.outcome(), cmd.disputeId(), "assign");
    }
    if (!change.changed()) {
      return CommandReply.text(
          cmd.disputeId() + " is already assigned to <@" + cmd.userId() + ">; nothing to change.");
    }
    String was = change.previousOwner() == null ? "" : " (was <@" + change.previousOwner() + ">)";
    return CommandReply.text(
        ":white_check_mark: "
            + cmd.disputeId()
            + " is now assigned to <@"
            + cmd.userId()
            + ">"
            + was
            + ".");
  }

  CommandReply unassign(Command.Unassign cmd, String callerId) {
    OwnerChange change =
        assignments.unassign(cmd.disputeId(), callerId, intentKey(callerId, "unassign"));
    if (change.outcome().result() != Result.DONE) {
      return refusal(change.outcome(), cmd.disputeId(), "unassign");
    }
    if (!change.changed()) {
      return CommandReply.text(cmd.disputeId() + " has no owner; nothing to change.");
    }
    return CommandReply.text(
        ":white_check_mark: "
            + cmd.disputeId()
            + " is unassigned (was <@"
            + change.previousOwner()
            + ">).");
  }

  /** The command's own words for a refusal from {@link Assignments}. */
  private CommandReply refusal(ActionOutcome outcome, String disputeId, String verb) {
    return switch (outcome.result()) {
      case DENIED ->
          CommandReply.text(
              ":no_entry: You can't " + verb + " disputes. " + permissions.howToGrant(Role.AGENT));
      case NOT_FOUND ->
          CommandReply.text(
              "No dispute “" + CommandParser.quote(disputeId) + "” is known to Dispute Desk.");
      default ->
          CommandReply.text(
              outcome.note().orElse("I could not " + verb + " " + disputeId + "; try again."));
    };
  }

  /** Slack does not resend slash commands, so each one is its own intent. */
  private String intentKey(String callerId, String what) {
    return "cmd:" + callerId + ":" + what + ":" + clock.millis();
  }
}
