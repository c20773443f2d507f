package io.disputedesk.slack.commands;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The person an {@code assign} names: a Slack user mention, or why the token is not one. */
final class PersonWords {
  private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");

  private PersonWords() {}

  /** The user id of a mention like {@code <@U1|bob>}; empty for any other token. */
  static Optional<String> userId(String token) {
    Matcher user = USER.matcher(token);
    return user.matches() ? Optional.of(user.group(1)) : Optional.empty();
  }

  /** Why an assignee token is not a person, in words that say what to do instead. */
  static String notAPerson(String token) {
    if (token.startsWith("<#")) {
      return "“"
          + CommandParser.quote(label(token))
          + "” is a channel, not a person; mention one person, like @alice.";
    }
    if (token.startsWith("<!subteam")) {
      return "“"
          + CommandParser.quote(label(token))
          + "” is a user group; assign the dispute to one person.";
    }
    if (token.startsWith("<!")) {
      return "“"
          + CommandParser.quote(label(token))
          + "” is not a person; mention one person, like @alice.";
    }
    if (token.startsWith("@")) {
      return "“"
          + CommandParser.quote(token)
          + "” is not a Slack user I know; pick the person from the @ menu so Slack links the name.";
    }
    return "“"
        + CommandParser.quote(token)
        + "” is not a person; mention them with @, like @alice.";
  }

  /** The readable part of an escaped entity: {@code <#C1|general>} → {@code #general}. */
  private static String label(String entity) {
    String inner = entity.substring(1, entity.length() - 1);
    int bar = inner.indexOf('|');
    if (bar >= 0) {
      String name = inner.substring(bar + 1);
      return inner.startsWith("#") ? "#" + name : name;
    }
    return inner.startsWith("!") ? "@" + inner.substring(1) : inner;
  }
}
