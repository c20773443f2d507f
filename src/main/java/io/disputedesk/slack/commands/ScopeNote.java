package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.slack.BlockKit;
import io.disputedesk.slack.ReportText;

/** The last line of a list or stats answer shared in a channel: which disputes it counts. */
final class ScopeNote {
  private ScopeNote() {}

  /** {@code reply} with the scope's line added, unchanged when the scope is every dispute. */
  static CommandReply added(CommandReply reply, DisputeScope scope) {
    String line = ReportText.scopeLine(scope);
    if (line.isEmpty() || reply.blocks() == null) {
      return reply;
    }
    var blocks = reply.blocks().deepCopy();
    if (blocks.size() < BlockKit.MESSAGE_BLOCKS) {
      blocks.add(BlockKit.context(line));
    }
    return new CommandReply(reply.text() + " (" + line + ")", blocks, reply.inChannel());
  }
}
