package io.disputedesk.ops;

import java.util.List;

/**
 * Work the bot set aside or gave up on, for {@code /healthz}: disputes polls could not read (tried
 * again after a backoff) and Slack writes that failed for good.
 *
 * @param setAsideIds some of the set-aside dispute ids (PayPal's ids only, no buyer data)
 */
public record Backlog(int setAsideCount, List<String> setAsideIds, int failedOutboxRows) {
  public Backlog {
    setAsideIds = List.copyOf(setAsideIds);
  }

  public static Backlog none() {
    return new Backlog(0, List.of(), 0);
  }
}
