package io.disputedesk.slack.commands;

import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.rules.RuleEngine;
import io.disputedesk.rules.RulePauses;
import io.disputedesk.rules.RuleReplay;
import io.disputedesk.rules.RuleRuns;
import io.disputedesk.rules.RuleSettings;
import io.disputedesk.rules.RuleTrigger;
import io.disputedesk.slack.Mrkdwn;
import io.disputedesk.slack.RuleNotes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /disputes rules} (list; {@code pause}/{@code resume}, approvers only; {@code test <name>
 * [30d]}, a replay) and {@code /disputes away}. Pauses and absences live in the database, so every
 * replica follows them at once. Answers go to the caller only.
 */
public final class RuleCommands implements RuleDesk {
  private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d", Pattern.CASE_INSENSITIVE);

  /** How many days a rule test looks back, and how far ahead an absence may be set, at most. */
  static final int MAX_DAYS = 366;

  /** How rule and away answers write a day. */
  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final RuleEngine engine;
  private final RuleReplay replay;
  private final Permissions permissions;
  private final AuditLog audit;
  private final ZoneId zone;
  private final Clock clock;
  private final RoleCheck roles;
  private final AwayCommand awayCommand;

  public RuleCommands(RuleEngine engine, Permissions permissions, AuditLog audit, ZoneId zone) {
    this.engine = engine;
    this.replay = RuleReplay.of(engine);
    this.permissions = permissions;
    this.audit = audit;
    this.zone = zone;
    this.clock = engine.clock();
    this.roles = new RoleCheck(permissions, audit, clock);
    this.awayCommand = new AwayCommand(engine, audit, roles, zone, clock);
  }

  @Override
  public CommandReply rules(List<String> args, String callerId) {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    return switch (sub) {
      case "", "list" -> list(callerId);
      case "pause" -> pause(rest, callerId, true);
      case "resume" -> pause(rest, callerId, false);
      case "test", "replay" -> test(rest, callerId);
      default ->
          CommandReply.text(
              ":grey_question: I don't know `rules "
                  + Mrkdwn.escapeAndCut(args.get(0), 40)
                  + "`. Use "
                  + "`/disputes rules`, `/disputes rules pause [name]`, `/disputes rules resume [name]` or"
                  + " `/disputes rules test <name> [30d]`.");
    };
  }

  private CommandReply list(String callerId) {
    Optional<CommandReply> refused = roles.refuse(callerId, Role.VIEWER, "RULES", "see the rules");
    if (refused.isPresent()) {
      return refused.get();
    }
    List<RuleSettings> rules = engine.rules();
    if (rules.isEmpty()) {
      return CommandReply.text(
          ":robot_face: No automation rules are set up. They are written in the config file under"
              + " `rules:` (see the README's Rules section).");
    }
    Map<String, RulePauses.Pause> paused = engine.pauses().all();
    StringBuilder out = new StringBuilder(":robot_face: *Automation rules* (" + rules.size() + ")");
    RulePauses.Pause all = paused.get(RulePauses.ALL);
    if (all != null) {
      out.append("\n:double_vertical_bar: *All rules are paused* by <@")
          .append(all.pausedBy())
          .append("> since ")
          .append(day(all.at()))
          .append(". `/disputes rules resume` restarts them.");
    }
    Instant week = clock.instant().minus(Duration.ofDays(7));
    for (RuleSettings r : rules) {
      RulePauses.Pause own = paused.get(r.name());
      String state =
          all != null || own != null
              ? ":double_vertical_bar: paused"
                  + (own == null ? "" : " by <@" + own.pausedBy() + ">")
              : r.on() ? ":large_green_circle: on" : ":test_tube: dry-run";
      RuleRuns.Counts runs = engine.runs().since(r.name(), week);
      out.append("\n\n*")
          .append(Mrkdwn.escape(r.name()))
          .append("* · ")
          .append(state)
          .append(all == null && own == null ? "" : " (mode " + (r.on() ? "on" : "dry-run") + ")")
          .append("\nOwner <@")
          .append(r.owner())
          .append("> · when ")
          .append(triggers(r))
          .append(" · for `")
          .append(r.when().words())
          .append("`\nActions: ")
          .append(r.steps().stream().map(RuleNotes::describe).collect(Collectors.joining("; ")))
          .append("\nLast 7 days: ")
          .append(runs.runs())
          .append(runs.runs() == 1 ? " run" : " runs")
          .append(runs.failed() > 0 ? ", " + runs.failed() + " failed" : "");
      if (r.acceptStep().isPresent() && !permissions.has(r.owner(), Role.APPROVER)) {
        out.append("\n:warning: <@")
            .append(r.owner())
            .append("> is not an approver now, so its accepts are refused.");
      }
    }
    return CommandReply.text(out.toString());
  }

  private static String triggers(RuleSettings r) {
    return r.triggers().stream()
        .sorted()
        .map(t -> t == RuleTrigger.DUE_WITHIN ? "due within " + hours(r.dueWithin()) : t.words())
        .collect(Collectors.joining(" or "));
  }

  private static String hours(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + "d" : d.toHours() + "h";
  }

  private CommandReply pause(List<String> rest, String callerId, boolean pause) {
    String verb = pause ? "pause" : "resume";
    Optional<CommandReply> refused =
        roles.refuse(
            callerId, Role.APPROVER, pause ? "RULES_PAUSE" : "RULES_RESUME", verb + " rules");
    if (refused.isPresent()) {
      return refused.get();
    }
    if (rest.size() > 1) {
      return CommandReply.text(
          ":grey_question: Give one rule name, or none to " + verb + " all rules.");
    }
    String name = rest.isEmpty() ? RulePauses.ALL : rest.get(0);
    if (!rest.isEmpty() && engine.rule(name).isEmpty()) {
      return unknown(name);
    }
    String which = rest.isEmpty() ? "all rules" : "rule *" + Mrkdwn.escape(name) + "*";
    String are = rest.isEmpty() ? " are" : " is";
    boolean changed = pause ? engine.pauses().pause(name, callerId) : engine.pauses().resume(name);
    if (!changed) {
      return CommandReply.text(
          ":information_source: "
              + capital(which)
              + are
              + (pause ? " already paused" : " not paused")
              + "; nothing changed.");
    }
    audit.append(
        new AuditEntry(
            clock.instant(),
            callerId,
            null,
            pause ? "RULES_PAUSE" : "RULES_RESUME",
            name,
            "DONE",
            null,
            null));
    return CommandReply.text(
        pause
            ? ":double_vertical_bar: Paused "
                + which
                + ": no automated action or dry-run note from now on, on every"
                + " replica. `/disputes rules resume"
                + (rest.isEmpty() ? "" : " " + name)
                + "` restarts."
            : ":arrow_forward: Resumed "
                + which
                + ": from the next trigger on."
                + (rest.isEmpty() || engine.pauses().pauseOf(name).isEmpty()
                    ? ""
                    : " All rules are still paused as a whole, though."));
  }

  private CommandReply test(List<String> rest, String callerId) {
    Optional<CommandReply> refused =
        roles.refuse(callerId, Role.VIEWER, "RULES_TEST", "test rules");
    if (refused.isPresent()) {
      return refused.get();
    }
    if (rest.isEmpty() || rest.size() > 2) {
      return CommandReply.text(":grey_question: Which rule? `/disputes rules test <name> [30d]`.");
    }
    Optional<RuleSettings> rule = engine.rule(rest.get(0));
    if (rule.isEmpty()) {
      return unknown(rest.get(0));
    }
    int days = 30;
    if (rest.size() == 2) {
      Matcher m = DAYS.matcher(rest.get(1));
      if (!m.matches()
          || Integer.parseInt(m.group(1)) < 1
          || Integer.parseInt(m.group(1)) > MAX_DAYS) {
        return CommandReply.text(
            ":grey_question: “"
                + Mrkdwn.escapeAndCut(rest.get(1), 20)
                + "” is not a period; use 7d,"
                + " 30d or 90d (up to "
                + MAX_DAYS
                + "d).");
      }
      days = Integer.parseInt(m.group(1));
    }
    RuleReplay.ReplayResult r =
        replay.replay(rule.get(), clock.instant().minus(Duration.ofDays(days)));
    return CommandReply.text(ReplayText.of(rule.get(), days, r));
  }

  @Override
  public CommandReply away(List<String> args, String callerId) {
    return awayCommand.away(args, callerId);
  }

  private String day(Instant at) {
    return DAY.format(at.atZone(zone));
  }

  private CommandReply unknown(String name) {
    return CommandReply.text(
        ":grey_question: There is no rule named “"
            + Mrkdwn.escapeAndCut(name, 40)
            + "”. Rules: "
            + engine.rules().stream()
                .map(r -> "`" + r.name() + "`")
                .collect(Collectors.joining(", "))
            + ".");
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
