package io.disputedesk.digest;

import io.disputedesk.dispute.DisputeScope;
import java.util.List;

/**
 * The channels that get a daily digest, and which disputes each one's digest covers: with routes,
 * every channel a route names covers the disputes routed to it, and the default channel the rest.
 */
public interface DigestChannels {
  List<String> channels();

  DisputeScope scopeOf(String channel);

  /** One channel covering every dispute: the bot without routes. */
  static DigestChannels single(String channel) {
    return new DigestChannels() {
      @Override
      public List<String> channels() {
        return List.of(channel);
      }

      @Override
      public DisputeScope scopeOf(String c) {
        return DisputeScope.everything();
      }
    };
  }
}
