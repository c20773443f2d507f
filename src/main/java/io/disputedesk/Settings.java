package io.disputedesk;

import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigCheck;
import io.disputedesk.config.ConfigLoader;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.routing.RouteSettings;
import io.disputedesk.routing.RoutesLoader;
import io.disputedesk.rules.RuleSettings;
import io.disputedesk.rules.RulesLoader;
import java.util.List;

/**
 * Everything the bot runs with: the config, and the config file's routes and automation rules,
 * which their own layers read.
 *
 * @param routes the routes of the config file, in their order
 * @param rules the automation rules of the config file, in their order
 */
public record Settings(Config config, List<RouteSettings> routes, List<RuleSettings> rules) {
  public Settings {
    routes = List.copyOf(routes);
    rules = List.copyOf(rules);
  }

  /**
   * Reads and checks every setting, routes and rules with the rest; throws {@link
   * io.disputedesk.config.ConfigException} naming every problem at once.
   */
  public static Settings load(ConfigSource source) {
    ConfigCheck check = ConfigLoader.check(source);
    List<RouteSettings> routes = RoutesLoader.read(check);
    List<RuleSettings> rules = RulesLoader.read(check);
    return new Settings(check.config(), routes, rules);
  }
}
