package io.disputedesk.sim.console;

import io.disputedesk.config.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who the console plays and where it sends what that person does.
 *
 * @param eventsUrl the bot's Slack request URL, e.g. {@code http://127.0.0.1:3001/slack/events}
 * @param signingSecret the secret the bot verifies requests with; the console signs with it as
 *     Slack does
 * @param userId the Slack user the browser acts as
 * @param channel the channel the console opens on
 * @param channels every channel the person can switch to ({@code channel} first)
 */
public record ConsoleSettings(
    URI eventsUrl, Secret signingSecret, String userId, String channel, List<String> channels) {
  public ConsoleSettings {
    Objects.requireNonNull(eventsUrl, "eventsUrl");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(channel, "channel");
    List<String> all = new ArrayList<>(List.of(channel));
    (channels == null ? List.<String>of() : channels)
        .stream().filter(c -> !all.contains(c)).forEach(all::add);
    channels = List.copyOf(all);
  }

  /** A console for one channel. */
  public ConsoleSettings(URI eventsUrl, Secret signingSecret, String userId, String channel) {
    this(eventsUrl, signingSecret, userId, channel, List.of(channel));
  }

  /** {@code requested} when the console may show it, else the channel it opens on. */
  String channelOr(String requested) {
    return requested != null && channels.contains(requested) ? requested : channel;
  }
}
