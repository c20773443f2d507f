package io.disputedesk.slack.commands;

import io.disputedesk.slack.ReadAccess;
import java.util.Optional;

/**
 * Runs a parsed subcommand for a person and returns the reply (the slow part, off the ack path).
 * Subcommands that show disputes need the viewer role (agents and approvers have it), and a shared
 * answer goes only to the disputes channel(s); refusals are audited.
 */
public final class CommandRunner {
  private final ListCommands lists;
  private final AssignCommands assignments;
  private final ReportCommands reports;
  private final HelpBuilder help;
  private final ReadAccess access;
  private final ShareChannels shareTo;

  /** Null when routes from Slack are not offered. */
  private final SubscriptionCommands subscriptions;

  /** Null when automation rules are not offered. */
  private final RuleDesk rules;

  public CommandRunner(
      ListCommands lists,
      AssignCommands assignments,
      ReportCommands reports,
      HelpBuilder help,
      ReadAccess access,
      ShareChannels shareTo) {
    this(lists, assignments, reports, help, access, shareTo, null);
  }

  public CommandRunner(
      ListCommands lists,
      AssignCommands assignments,
      ReportCommands reports,
      HelpBuilder help,
      ReadAccess access,
      ShareChannels shareTo,
      SubscriptionCommands subscriptions) {
    this(lists, assignments, reports, help, access, shareTo, subscriptions, null);
  }

  public CommandRunner(
      ListCommands lists,
      AssignCommands assignments,
      ReportCommands reports,
      HelpBuilder help,
      ReadAccess access,
      ShareChannels shareTo,
      SubscriptionCommands subscriptions,
      RuleDesk rules) {
    this.rules = rules;
    this.subscriptions = subscriptions;
    this.lists = lists;
    this.assignments = assignments;
    this.reports = reports;
    this.help = help;
    this.access = access;
    this.shareTo = shareTo;
  }

  /** The reply to {@code parsed}, typed by {@code callerId} in {@code channelId}. */
  CommandReply answer(Command.Parsed parsed, String callerId, String channelId) {
    Command command = parsed.command();
    Optional<String> refused = readRefusal(command, callerId);
    if (refused.isPresent()) {
      return CommandReply.text(refused.get());
    }
    if (parsed.share() && !(command instanceof Command.Help) && !shareTo.allows(channelId)) {
      access.audit(
          callerId,
          "SHARE",
          disputeIdOf(command),
          "share asked in " + channelId + ", not a disputes channel");
      return CommandReply.text(
          ":no_entry: `share` posts only in "
              + shareTo.links()
              + ", where the team works on"
              + " disputes; nothing was posted here. Run the command there, or without `share` to see the answer"
              + " just for you.");
    }
    if (command instanceof Command.Report r) {
      // The file itself is what is shared; the reply saying where it went stays with the caller.
      return reports.report(r.range(), callerId, parsed.share() ? channelId : null);
    }
    if (command instanceof Command.DigestPreview) {
      return reports.digestPreview(channelId, parsed.share());
    }
    if (command instanceof Command.Export) {
      // The files go to the caller's direct messages, shared or not; so does the reply saying so.
      return run(command, callerId);
    }
    // Shared, a list or the stats count only the disputes routed to the channel, as its cards: a
    // channel never sees disputes, or figures of disputes, it would not get.
    if (command instanceof Command.ListDisputes l) {
      return lists.list(l, callerId, parsed.share() ? channelId : null).shared(parsed.share());
    }
    if (command instanceof Command.Stats s) {
      return reports.stats(s.days(), parsed.share() ? channelId : null).shared(parsed.share());
    }
    if (command instanceof Command.Search s) {
      // Never shared (the parser refuses `share` for it): it shows buyer names.
      return lists.search(s);
    }
    if (command instanceof Command.Rules || command instanceof Command.Away) {
      if (rules == null) {
        return CommandReply.text("Automation rules are not available here.");
      }
      return command instanceof Command.Rules r
          ? rules.rules(r.args(), callerId)
          : rules.away(((Command.Away) command).args(), callerId);
    }
    Optional<CommandReply> routed = routes(command, callerId, channelId);
    if (routed.isPresent()) {
      return routed.get().shared(parsed.share());
    }
    return run(command, callerId).shared(parsed.share());
  }

  private Optional<CommandReply> routes(Command command, String callerId, String channelId) {
    if (!(command instanceof Command.Subscribe
        || command instanceof Command.Unsubscribe
        || command instanceof Command.Subscriptions)) {
      return Optional.empty();
    }
    if (subscriptions == null) {
      return Optional.of(CommandReply.text("Subscriptions are not available here."));
    }
    if (command instanceof Command.Subscribe s) {
      return Optional.of(subscriptions.subscribe(s, callerId, channelId));
    }
    if (command instanceof Command.Unsubscribe u) {
      return Optional.of(subscriptions.unsubscribe(u, callerId, channelId));
    }
    return Optional.of(subscriptions.subscriptions(channelId));
  }

  /** The next page a list's "more" button asks for, if the clicker may see disputes. */
  Optional<CommandReply> more(String buttonValue, String callerId) {
    Optional<String> refused = access.refusal(callerId, "LIST", null);
    if (refused.isPresent()) {
      return Optional.of(CommandReply.text(refused.get()));
    }
    return lists.more(buttonValue);
  }

  CommandReply run(Command command, String callerId) {
    if (command instanceof Command.Help h) {
      return help.help(h.notUnderstood());
    } else if (command instanceof Command.Invalid i) {
      return help.invalid(i);
    } else if (command instanceof Command.ListDisputes l) {
      return lists.list(l, callerId, null);
    } else if (command instanceof Command.Show s) {
      return lists.show(s.disputeId());
    } else if (command instanceof Command.Search s) {
      return lists.search(s);
    } else if (command instanceof Command.Assign a) {
      return assignments.assign(a, callerId);
    } else if (command instanceof Command.Unassign u) {
      return assignments.unassign(u, callerId);
    } else if (command instanceof Command.Stats s) {
      return reports.stats(s.days());
    } else if (command instanceof Command.Report r) {
      return reports.report(r.range(), callerId, null);
    } else if (command instanceof Command.Export e) {
      return reports.export(e.days(), callerId);
    } else if (command instanceof Command.Sync) {
      return reports.sync(callerId);
    } else if (command instanceof Command.DigestPreview) {
      return reports.digestPreview();
    }
    throw new IllegalArgumentException("unhandled command " + command.getClass().getSimpleName());
  }

  /** For subcommands that show disputes: the refusal note when the caller may not see them. */
  private Optional<String> readRefusal(Command command, String callerId) {
    String action;
    if (command instanceof Command.ListDisputes) {
      action = "LIST";
    } else if (command instanceof Command.Show) {
      action = "SHOW";
    } else if (command instanceof Command.Search) {
      action = "SEARCH";
    } else if (command instanceof Command.Stats) {
      action = "STATS";
    } else if (command instanceof Command.DigestPreview) {
      action = "DIGEST_PREVIEW";
    } else if (command instanceof Command.Subscriptions) {
      action = "SUBSCRIPTIONS";
    } else if (command instanceof Command.Report) {
      action = "REPORT";
    } else {
      // Help shows no dispute; assign, unassign, export, sync and (un)subscribe check their own,
      // stricter roles.
      return Optional.empty();
    }
    return access.refusal(callerId, action, disputeIdOf(command));
  }

  private static String disputeIdOf(Command command) {
    if (command instanceof Command.Show s) {
      return s.disputeId();
    } else if (command instanceof Command.Assign a) {
      return a.disputeId();
    } else if (command instanceof Command.Unassign u) {
      return u.disputeId();
    }
    return null;
  }
}
