package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.disputedesk.slack.BlockKit;
import io.disputedesk.slack.Mrkdwn;
import java.util.stream.Collectors;

/** The help message, and the one-line answer to input that could not be used. */
public final class HelpBuilder {
  /** The help; {@code notUnderstood} (nullable) is said first. */
  public CommandReply help(String notUnderstood) {
    ArrayNode blocks = BlockKit.array();
    StringBuilder text = new StringBuilder();
    if (notUnderstood != null) {
      blocks.add(BlockKit.section(":grey_question: " + notUnderstood + " Here is what I can do:"));
      text.append(notUnderstood).append(' ');
    }
    blocks.add(BlockKit.header("Dispute Desk commands"));
    StringBuilder lines = new StringBuilder();
    for (String[] usage : Usage.ALL) {
      lines
          .append('`')
          .append(usage[0])
          .append("` — ")
          .append(Mrkdwn.escape(usage[1]))
          .append('\n');
    }
    blocks.add(BlockKit.section(lines.toString().strip()));
    blocks.add(
        BlockKit.context(
            "Add `share` at the end to post the answer in the channel instead of only to you."));
    text.append("Dispute Desk commands: ").append(subcommands()).append('.');
    return new CommandReply(text.toString(), blocks, false);
  }

  /** The subcommands in the order the help lists them, read from their usage lines. */
  private static String subcommands() {
    return Usage.ALL.stream()
        .map(usage -> usage[0].split(" ")[1])
        .collect(Collectors.joining(", "));
  }

  /** One line saying what was wrong, then the usage line. */
  public CommandReply invalid(Command.Invalid invalid) {
    return CommandReply.text(
        ":warning: " + invalid.explanation() + "\nUsage: `" + invalid.usage() + "`");
  }
}
