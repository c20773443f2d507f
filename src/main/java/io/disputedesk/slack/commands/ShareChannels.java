package io.disputedesk.slack.commands;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where {@code share} may post an answer for everyone to see: the disputes channel(s), nowhere
 * else.
 */
public record ShareChannels(Set<String> ids) {
  public ShareChannels {
    ids = Set.copyOf(ids);
  }

  public static ShareChannels of(String... ids) {
    return new ShareChannels(Set.of(ids));
  }

  boolean allows(String channelId) {
    return channelId != null && ids.contains(channelId);
  }

  /** The channels as Slack links, for a message. */
  String links() {
    return ids.stream().sorted().map(id -> "<#" + id + ">").collect(Collectors.joining(" or "));
  }
}
