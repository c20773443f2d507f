package io.disputedesk.sim.slack;

import java.util.Map;
import java.util.regex.Pattern;

/** Turns a {@code channel} argument into a conversation id, failing as Slack does. */
final class Channels {
  private static final Pattern CONVERSATION_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  private final MessageStore messages;
  private final Directory directory;

  Channels(MessageStore messages, Directory directory) {
    this.messages = messages;
    this.directory = directory;
  }

  /**
   * Where a post goes: a conversation id (created on first use), {@code #name} of a known channel,
   * or a user id, which means the bot's DM with that user.
   */
  String forPosting(String channel) {
    if (channel == null || channel.isEmpty()) {
      throw new MethodError("channel_not_found");
    }
    if (channel.startsWith("#")) {
      return byName(channel.substring(1));
    }
    if (USER_ID.matcher(channel).matches()) {
      return Directory.dmChannel(channel);
    }
    if (!CONVERSATION_ID.matcher(channel).matches()) {
      throw new MethodError("channel_not_found");
    }
    return channel;
  }

  /** A conversation that must already exist (posted to, opened, or added). */
  String existing(String channel) {
    String id = forPosting(channel);
    if (!messages.hasChannel(id) && !directory.channelNames().containsKey(id)) {
      throw new MethodError("channel_not_found");
    }
    return id;
  }

  private String byName(String name) {
    for (Map.Entry<String, String> entry : directory.channelNames().entrySet()) {
      if (entry.getValue().equals(name)) {
        return entry.getKey();
      }
    }
    throw new MethodError("channel_not_found");
  }
}
