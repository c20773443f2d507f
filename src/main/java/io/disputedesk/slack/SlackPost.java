package io.disputedesk.slack;

/**
 * The payload of a THREAD or MESSAGE outbox row: fallback text (mrkdwn) and optional Block Kit
 * blocks as a JSON array string. Built by builder classes, sent by the outbox sender.
 */
public record SlackPost(String text, String blocksJson) {
  public static SlackPost text(String text) {
    return new SlackPost(text, null);
  }
}
