package io.disputedesk.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.config.ConfigCheck;
import io.disputedesk.config.ConfigException;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.FilterException;
import io.disputedesk.dispute.FilterWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code routes} list of the config file (or the {@code ROUTES} variable as YAML): each a
 * {@code channel} id and {@code when}, the filter words of {@code /disputes list} (a string, or a
 * list of words) that a dispute must match to get a card there.
 */
public final class RoutesLoader {
  private static final Pattern CHANNEL = Pattern.compile("[CG][A-Z0-9]{2,}");

  private final ConfigSource source;
  private final List<String> problems;

  RoutesLoader(ConfigSource source, List<String> problems) {
    this.source = source;
    this.problems = problems;
  }

  /** The routes of a checked source, in their order; their problems join the check's. */
  public static List<RouteSettings> read(ConfigCheck check) {
    return new RoutesLoader(check.source(), check.problems()).load(check.accountNames());
  }

  List<RouteSettings> load(Set<String> accounts) {
    Optional<JsonNode> node;
    try {
      node = source.node("ROUTES");
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return List.of();
    }
    if (node.isEmpty()) {
      return List.of();
    }
    if (!node.get().isArray()) {
      problems.add("routes must be a list of routes, each with a channel and when.");
      return List.of();
    }
    List<RouteSettings> out = new ArrayList<>();
    int n = 0;
    for (JsonNode r : node.get()) {
      n++;
      String channel = r.path("channel").asText("").trim();
      if (!CHANNEL.matcher(channel).matches()) {
        problems.add(
            "Route "
                + n
                + " needs a channel id like C0123ABCD (not a name), got \""
                + channel
                + "\".");
        continue;
      }
      String words = words(r.get("when"));
      if (words == null) {
        problems.add(
            "Route "
                + n
                + " ("
                + channel
                + ") needs when: the filter words it follows, like"
                + " \"chargeback 500 USD\" or \"account:brand-b\" (\"everything\" for all disputes).");
        continue;
      }
      try {
        DisputeFilter filter = FilterWords.parse(words, FilterWords.Use.ROUTE);
        List<String> unknown =
            filter.accounts().stream().filter(a -> !accounts.contains(a)).toList();
        if (!unknown.isEmpty()) {
          problems.add(
              "Route "
                  + n
                  + " ("
                  + channel
                  + ") names account "
                  + String.join(", ", unknown)
                  + ", which is not configured (accounts: "
                  + String.join(", ", accounts)
                  + ").");
          continue;
        }
        out.add(new RouteSettings(channel, filter));
      } catch (FilterException e) {
        problems.add("Route " + n + " (" + channel + "): " + e.getMessage());
      }
    }
    return out;
  }

  private static String words(JsonNode when) {
    if (when == null || when.isNull()) {
      return null;
    }
    if (when.isArray()) {
      List<String> parts = new ArrayList<>();
      when.forEach(w -> parts.add(w.asText()));
      return parts.isEmpty() ? null : String.join(" ", parts);
    }
    String text = when.asText("").trim();
    return text.isEmpty() ? null : text;
  }
}
