package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * An answer to a command: fallback text, optional Block Kit blocks, and whether it goes to the
 * channel or only to the person who asked.
 */
public record CommandReply(String text, ArrayNode blocks, boolean inChannel) {
  public static CommandReply text(String text) {
    return new CommandReply(text, null, false);
  }

  public CommandReply shared(boolean share) {
    return new CommandReply(text, blocks, share);
  }
}
