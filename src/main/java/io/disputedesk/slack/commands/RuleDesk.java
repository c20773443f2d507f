package io.disputedesk.slack.commands;

import java.util.List;

/** The {@code rules} and {@code away} subcommands, answered by the automation rules (issue 16). */
public interface RuleDesk {
  /** {@code /disputes rules …}; {@code args} are the words after {@code rules}. */
  CommandReply rules(List<String> args, String callerId);

  /** {@code /disputes away …}; {@code args} are the words after {@code away}. */
  CommandReply away(List<String> args, String callerId);
}
