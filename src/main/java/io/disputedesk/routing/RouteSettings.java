package io.disputedesk.routing;

import io.disputedesk.dispute.DisputeFilter;
import java.util.Objects;

/** A route from the config file: disputes matching {@code when} get a card in {@code channel}. */
public record RouteSettings(String channel, DisputeFilter when) {
  public RouteSettings {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(when, "when");
  }
}
