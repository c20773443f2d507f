package io.disputedesk.slack;

import io.disputedesk.digest.Digest;
import io.disputedesk.digest.DigestPublisher;
import java.util.List;

/**
 * The digest as Block Kit messages (DigestBuilder), queued by the Notifier; a later part's key ends
 * ":2", ":3"…
 */
public final class SlackDigestPublisher implements DigestPublisher {
  private final Notifier notifier;
  private final DigestBuilder builder;

  public SlackDigestPublisher(Notifier notifier, DigestBuilder builder) {
    this.notifier = notifier;
    this.builder = builder;
  }

  @Override
  public String defaultChannel() {
    return notifier.channel();
  }

  @Override
  public int publish(String channel, String dedupeKey, Digest digest) {
    List<DigestMessage> messages = builder.build(digest);
    for (int i = 0; i < messages.size(); i++) {
      notifier.channelMessage(
          channel, dedupeKey + (i == 0 ? "" : ":" + (i + 1)), messages.get(i).toPost());
    }
    return messages.size();
  }
}
