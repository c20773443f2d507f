package io.disputedesk;

import io.disputedesk.digest.DigestChannels;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.routing.Route;
import io.disputedesk.routing.RouteSettings;
import io.disputedesk.routing.Router;
import io.disputedesk.routing.SubscriptionStore;
import io.disputedesk.slack.CardRouting;
import io.disputedesk.store.Database;
import java.util.List;

/**
 * Which channels get which disputes (issue 15): the config file's routes and the subscriptions made
 * from Slack, as the cards, the digest and the subscription commands use them.
 */
final class Routing {
  private final Router router;
  private final SubscriptionStore subscriptions;
  private final DisputeStore disputes;

  Routing(List<RouteSettings> routes, String defaultChannel, Database db, DisputeStore disputes) {
    this.subscriptions = new SubscriptionStore(db);
    this.disputes = disputes;
    List<Route> configured = routes.stream().map(Routing::route).toList();
    this.router = new Router(configured, subscriptions, defaultChannel);
  }

  private static Route route(RouteSettings r) {
    return Route.configured(r.channel(), r.when());
  }

  Router router() {
    return router;
  }

  SubscriptionStore subscriptions() {
    return subscriptions;
  }

  /**
   * The channels of a dispute's cards, from its latest stored state; the default channel when it is
   * not stored.
   */
  CardRouting cards() {
    return disputeId ->
        disputes
            .find(disputeId)
            .map(d -> router.channelsFor(d.facts()))
            .orElseGet(() -> List.of(router.defaultChannel()));
  }

  /** One digest per routed channel, each over the disputes routed to it. */
  DigestChannels digests() {
    return new DigestChannels() {
      @Override
      public List<String> channels() {
        return router.channels();
      }

      @Override
      public DisputeScope scopeOf(String channel) {
        return router.scopeOf(channel);
      }
    };
  }
}
