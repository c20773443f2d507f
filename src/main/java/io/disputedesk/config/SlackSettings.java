package io.disputedesk.config;

import java.util.Optional;

/** How the bot talks to Slack. {@code appToken} present means Socket Mode instead of HTTP. */
public record SlackSettings(
    Secret botToken,
    Secret signingSecret,
    Optional<Secret> appToken,
    String apiUrl,
    String channel) {

  public boolean socketMode() {
    return appToken.isPresent();
  }
}
