package io.disputedesk.slack.commands;

import io.disputedesk.auth.Role;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.rules.RuleEngine;
import io.disputedesk.slack.Mrkdwn;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** {@code /disputes away}: the caller's absence from round-robin rules, shown, set or ended. */
final class AwayCommand {
  private final RuleEngine engine;
  private final AuditLog audit;
  private final RoleCheck roles;
  private final ZoneId zone;
  private final Clock clock;

  AwayCommand(RuleEngine engine, AuditLog audit, RoleCheck roles, ZoneId zone, Clock clock) {
    this.engine = engine;
    this.audit = audit;
    this.roles = roles;
    this.zone = zone;
    this.clock = clock;
  }

  /** {@code args} are the words after {@code away}. */
  CommandReply away(List<String> args, String callerId) {
    Optional<CommandReply> refused =
        roles.refuse(callerId, Role.AGENT, "AWAY", "mark yourself away");
    if (refused.isPresent()) {
      return refused.get();
    }
    Instant now = clock.instant();
    if (args.isEmpty()) {
      return CommandReply.text(
          engine
              .absences()
              .awayUntil(callerId, now)
              .map(
                  u ->
                      ":palm_tree: You are away until "
                          + until(u)
                          + ". `/disputes away off` when you are back.")
              .orElse(
                  ":wave: You are not marked away. `/disputes away until 2026-12-24` makes round-robin rules skip"
                      + " you until the end of that day."));
    }
    if (args.size() == 1 && args.get(0).equalsIgnoreCase("off")) {
      boolean was = engine.absences().back(callerId);
      return CommandReply.text(
          was
              ? ":wave: Welcome back: round-robin rules include you again."
              : ":information_source: You were not marked away; nothing changed.");
    }
    if (args.size() != 2 || !args.get(0).equalsIgnoreCase("until")) {
      return CommandReply.text(
          ":grey_question: Use `/disputes away until <yyyy-mm-dd>` or `/disputes away off`.");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(args.get(1));
    } catch (DateTimeParseException e) {
      return CommandReply.text(
          ":grey_question: “"
              + Mrkdwn.escapeAndCut(args.get(1), 20)
              + "” is not a date; write it like"
              + " 2026-12-24.");
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    if (date.isBefore(today) || date.isAfter(today.plusDays(RuleCommands.MAX_DAYS))) {
      return CommandReply.text(
          ":grey_question: Give a date from today (" + today + ") to a year from now.");
    }
    Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
    engine.absences().setAway(callerId, end);
    audit.append(new AuditEntry(now, callerId, null, "AWAY", "until " + date, "DONE", null, null));
    return CommandReply.text(
        ":palm_tree: You are away until "
            + until(end)
            + ": round-robin rules skip you until then."
            + " `/disputes away off` when you are back earlier.");
  }

  /** The end of the last day away, said as that day. */
  private String until(Instant end) {
    return "the end of " + RuleCommands.DAY.format(end.minusSeconds(1).atZone(zone));
  }
}
