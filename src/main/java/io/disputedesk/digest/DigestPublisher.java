package io.disputedesk.digest;

/**
 * Where the digest goes: the Slack layer decides how it looks and queues it as one message or
 * several. Each message's dedupe key starts with {@code dedupeKey}, so a digest is posted once.
 */
public interface DigestPublisher {
  /** The default channel: its digest covers the disputes no route claims. */
  String defaultChannel();

  /** Queues {@code digest} in {@code channel}; the number of messages it takes. */
  int publish(String channel, String dedupeKey, Digest digest);
}
