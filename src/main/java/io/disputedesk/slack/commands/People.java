package io.disputedesk.slack.commands;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.io.IOException;
import java.util.Optional;

/** Checks with Slack that a user id is a person who can own disputes ({@code users.info}). */
public final class People {
  private final MethodsClient methods;

  /** {@code methods} is the bot-token client, e.g. {@code slack.methods(botToken)}. */
  public People(MethodsClient methods) {
    this.methods = methods;
  }

  /** Why the user cannot own a dispute, or empty when they can. */
  public Optional<String> whyNotAssignable(String userId) {
    UsersInfoResponse info;
    try {
      info = methods.usersInfo(r -> r.user(userId));
    } catch (IOException | SlackApiException e) {
      return Optional.of(
          "I could not look up <@" + userId + "> in Slack just now; try again in a minute.");
    }
    if (!info.isOk() || info.getUser() == null) {
      return Optional.of("“" + userId + "” is not a user in this workspace.");
    }
    if (info.getUser().isBot()) {
      return Optional.of("<@" + userId + "> is a bot; assign the dispute to a person.");
    }
    if (info.getUser().isDeleted()) {
      return Optional.of("<@" + userId + "> has left the workspace.");
    }
    return Optional.empty();
  }
}
