package io.disputedesk.dispute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Team numbers for the period {@code [from, to)}.
 *
 * <ul>
 *   <li>{@code opened}: disputes PayPal created in the period.
 *   <li>{@code outcomes}: the disputes resolved in the period per currency, won and lost (see
 *       {@link Outcome}); a lost dispute counts its refunded amount, or the disputed amount when
 *       PayPal gave none.
 *   <li>{@code atRisk}: the open disputes now, and their amounts, per currency.
 *   <li>{@code medianTimeToFirstAction}: over the disputes first seen in the period that the team
 *       has acted on, the median of {@code first_action_at − first_seen_at}; null without samples.
 *   <li>{@code deadlinesMissed}: disputes resolved against us in the period whose seller deadline
 *       had passed before they were resolved with no action from us by that deadline.
 *   <li>{@code overdueNow}: open disputes still waiting for the seller after their deadline.
 * </ul>
 */
public record DisputeStats(
    Instant from,
    Instant to,
    long opened,
    List<OutcomeTotal> outcomes,
    List<CurrencyTotal> atRisk,
    Duration medianTimeToFirstAction,
    long firstActionSamples,
    long deadlinesMissed,
    long overdueNow) {

  public DisputeStats {
    outcomes = List.copyOf(outcomes);
    atRisk = List.copyOf(atRisk);
  }

  /** Resolved disputes of one currency in the period, by how they ended. */
  public record OutcomeTotal(
      String currency, long won, long wonMinor, long lost, long lostMinor, long other) {
    public long resolved() {
      return won + lost + other;
    }
  }

  public long resolved() {
    return outcomes.stream().mapToLong(OutcomeTotal::resolved).sum();
  }

  public long won() {
    return outcomes.stream().mapToLong(OutcomeTotal::won).sum();
  }

  public long lost() {
    return outcomes.stream().mapToLong(OutcomeTotal::lost).sum();
  }

  public long openNow() {
    return atRisk.stream().mapToLong(CurrencyTotal::count).sum();
  }

  /** Won ÷ (won + lost), empty when nothing was won or lost. */
  public OptionalDouble winRate() {
    long decided = won() + lost();
    return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) won() / decided);
  }
}
