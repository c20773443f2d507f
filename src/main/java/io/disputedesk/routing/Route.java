package io.disputedesk.routing;

import io.disputedesk.dispute.DisputeFilter;
import java.util.Objects;

/**
 * Disputes matching {@code when} get a card in {@code channel}. From the config file ({@code
 * subscriptionId} null) or from {@code /disputes subscribe} in the channel.
 */
public record Route(String channel, DisputeFilter when, Long subscriptionId) {
  public Route {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(when, "when");
  }

  public static Route configured(String channel, DisputeFilter when) {
    return new Route(channel, when, null);
  }

  public boolean fromSlack() {
    return subscriptionId != null;
  }
}
