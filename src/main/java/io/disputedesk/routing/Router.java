package io.disputedesk.routing;

import io.disputedesk.dispute.DisputeFacts;
import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.dispute.FilterException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which channels a dispute's cards belong in: every channel with a route that matches it
 * (the config file's routes in their order, then the subscriptions made from Slack, oldest first),
 * or the default channel ({@code DISPUTES_CHANNEL}) when none matches. Subscriptions are read from
 * the database on every decision, so every replica decides alike and a change applies to the next
 * change of each dispute.
 */
public final class Router {
  private static final Logger log = LoggerFactory.getLogger(Router.class);

  private final List<Route> configured;
  private final SubscriptionStore subscriptions;
  private final String defaultChannel;

  public Router(List<Route> configured, SubscriptionStore subscriptions, String defaultChannel) {
    this.configured = List.copyOf(configured);
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.defaultChannel = Objects.requireNonNull(defaultChannel, "defaultChannel");
  }

  public String defaultChannel() {
    return defaultChannel;
  }

  /** Every route: the configured ones, then the subscriptions. */
  public List<Route> routes() {
    List<Route> all = new ArrayList<>(configured);
    for (Subscription s : subscriptions.all()) {
      try {
        all.add(s.route());
      } catch (FilterException e) {
        log.warn(
            "Subscription {} of channel {} has filter words this version does not read ({}); it is skipped",
            s.id(),
            s.channel(),
            e.getMessage());
      }
    }
    return all;
  }

  /** The configured routes (for {@code /disputes subscriptions}). */
  public List<Route> configuredRoutes() {
    return configured;
  }

  /** The channels the dispute's cards belong in, in route order; never empty. */
  public List<String> channelsFor(DisputeFacts facts) {
    Set<String> channels = new LinkedHashSet<>();
    for (Route r : routes()) {
      if (r.when().matches(facts)) {
        channels.add(r.channel());
      }
    }
    if (channels.isEmpty()) {
      channels.add(defaultChannel);
    }
    return List.copyOf(channels);
  }

  /** The routes that send disputes to {@code channel}. */
  public List<Route> routesTo(String channel) {
    return routes().stream().filter(r -> r.channel().equals(channel)).toList();
  }

  /** The default channel and every channel a route names, each once. */
  public List<String> channels() {
    Set<String> channels = new LinkedHashSet<>();
    channels.add(defaultChannel);
    routes().forEach(r -> channels.add(r.channel()));
    return List.copyOf(channels);
  }

  /**
   * Which disputes are routed to {@code channel}, as a query scope (each channel's digest covers
   * these).
   */
  public DisputeScope scopeOf(String channel) {
    List<Route> all = routes();
    List<DisputeFilter> here =
        all.stream().filter(r -> r.channel().equals(channel)).map(Route::when).toList();
    List<DisputeFilter> every = all.stream().map(Route::when).toList();
    return new DisputeScope(here, channel.equals(defaultChannel), every);
  }
}
