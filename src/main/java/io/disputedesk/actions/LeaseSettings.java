package io.disputedesk.actions;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a process holds an action it is running ({@code length}) and how often it renews that
 * hold while PayPal has not answered ({@code heartbeat}); other processes settle the action only
 * after the hold ran out. Also how often they look for such actions.
 */
public record LeaseSettings(Duration length, Duration heartbeat) {
  /**
   * Added to the worst-case call: covers clock differences between replicas and a late heartbeat.
   */
  static final Duration MARGIN = Duration.ofMinutes(1);

  static final Duration HEARTBEAT = Duration.ofMinutes(1);

  public LeaseSettings {
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(heartbeat, "heartbeat");
    if (heartbeat.isZero()
        || heartbeat.isNegative()
        || heartbeat.multipliedBy(2).compareTo(length) > 0) {
      throw new IllegalArgumentException(
          "the heartbeat must be positive and at most half the lease");
    }
  }

  /**
   * A lease longer than the worst-case PayPal call, so that even a process whose heartbeats stop
   * reaching the database has heard PayPal's last word before anyone else takes the action over.
   */
  public static LeaseSettings covering(Duration worstCaseCall) {
    return new LeaseSettings(worstCaseCall.plus(MARGIN), HEARTBEAT);
  }
}
