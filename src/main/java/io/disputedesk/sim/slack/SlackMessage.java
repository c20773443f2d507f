package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message as it currently stands in a channel.
 *
 * @param threadTs the parent's ts for a reply, null for a top-level message
 * @param blocks the current blocks, or null when the message has none
 * @param metadata the message metadata, or null
 * @param edited whether {@code chat.update} has changed it
 */
public record SlackMessage(
    String channel,
    String ts,
    String threadTs,
    String user,
    String botId,
    String text,
    JsonNode blocks,
    MessageMetadata metadata,
    boolean edited,
    int replyCount,
    String latestReply) {

  @Override
  public JsonNode blocks() {
    return blocks == null ? null : blocks.deepCopy();
  }

  public boolean isReply() {
    return threadTs != null;
  }

  SlackMessage edit(String newText, JsonNode newBlocks, MessageMetadata newMetadata) {
    return new SlackMessage(
        channel,
        ts,
        threadTs,
        user,
        botId,
        newText,
        newBlocks,
        newMetadata,
        true,
        replyCount,
        latestReply);
  }

  SlackMessage withReply(String replyTs) {
    return withReplies(replyCount + 1, replyTs);
  }

  SlackMessage withoutReply(String newLatest) {
    return withReplies(replyCount - 1, newLatest);
  }

  private SlackMessage withReplies(int count, String latest) {
    return new SlackMessage(
        channel, ts, threadTs, user, botId, text, blocks, metadata, edited, count, latest);
  }
}
