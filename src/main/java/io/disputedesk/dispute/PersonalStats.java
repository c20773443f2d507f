package io.disputedesk.dispute;

import java.util.OptionalDouble;

/**
 * One person's numbers for their Home tab: the open disputes they own, those of them waiting for us
 * with a deadline before the end of the week, and how the disputes they own that were resolved in
 * the last 90 days ended (won and lost in {@link Outcome}'s sense).
 */
public record PersonalStats(long open, long dueThisWeek, long won, long lost) {
  /** Won ÷ (won + lost), empty when none was won or lost. */
  public OptionalDouble winRate() {
    return won + lost == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) won / (won + lost));
  }
}
