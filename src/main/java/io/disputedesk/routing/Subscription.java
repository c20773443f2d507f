package io.disputedesk.routing;

import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.FilterWords;
import java.time.Instant;

/** A route added from Slack: the channel follows the disputes its filter words match. */
public record Subscription(
    long id, String channel, String words, String createdBy, Instant createdAt) {

  /** The route it stands for. */
  public Route route() {
    return new Route(channel, filter(), id);
  }

  public DisputeFilter filter() {
    return FilterWords.parse(words, FilterWords.Use.ROUTE);
  }
}
