package io.disputedesk.sim.console;

import io.disputedesk.config.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * Who the console plays and where it sends what that person does.
 *
 * @param eventsUrl the bot's Slack request URL, e.g. {@code http://127.0.0.1:3001/slack/events}
 * @param signingSecret the secret the bot verifies requests with; the console signs with it as Slack does
 * @param userId the Slack user the browser acts as
 * @param channel the one channel the console shows
 */
public record ConsoleSettings(URI eventsUrl, Secret signingSecret, String userId, String channel) {
  public ConsoleSettings {
    Objects.requireNonNull(eventsUrl, "eventsUrl");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(channel, "channel");
  }
}
