package io.disputedesk.slack.commands;

/** Runs a parsed subcommand for a person and returns the reply (the slow part, off the ack path). */
public final class CommandRunner {
  private final ListCommands lists;
  private final AssignCommands assignments;
  private final ReportCommands reports;
  private final HelpBuilder help;

  public CommandRunner(ListCommands lists, AssignCommands assignments, ReportCommands reports, HelpBuilder help) {
    this.lists = lists;
    this.assignments = assignments;
    this.reports = reports;
    this.help = help;
  }

  Reply run(Command command, String callerId) {
    if (command instanceof Command.Help h) {
      return help.help(h.notUnderstood());
    } else if (command instanceof Command.Invalid i) {
      return help.invalid(i);
    } else if (command instanceof Command.ListDisputes l) {
      return lists.list(l, callerId);
    } else if (command instanceof Command.Show s) {
      return lists.show(s.disputeId());
    } else if (command instanceof Command.Assign a) {
      return assignments.assign(a, callerId);
    } else if (command instanceof Command.Unassign u) {
      return assignments.unassign(u, callerId);
    } else if (command instanceof Command.Stats s) {
      return reports.stats(s.days());
    } else if (command instanceof Command.Export e) {
      return reports.export(e.days(), callerId);
    } else if (command instanceof Command.Sync) {
      return reports.sync(callerId);
    } else if (command instanceof Command.DigestPreview) {
      return reports.digestPreview();
    }
    throw new IllegalArgumentException("unhandled command " + command.getClass().getSimpleName());
  }

  ListCommands lists() {
    return lists;
  }
}
