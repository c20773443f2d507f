package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * An answer to a command: fallback text, optional Block Kit blocks, and whether it goes to the
 * channel or only to the person who asked.
 */
public record Reply(String text, ArrayNode blocks, boolean inChannel) {
  public static Reply text(String text) {
    return new Reply(text, null, false);
  }

  public Reply shared(boolean share) {
    return new Reply(text, blocks, share);
  }
}
