package io.disputedesk.dispute;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The figures of a report over {@code [from, to)}, week by week (weeks start on Monday in {@code
 * zone}; the first and last are cut to the period). The chart, the summary and the weekly CSV all
 * read this one record, so they cannot disagree. Per week:
 *
 * <ul>
 *   <li>{@code opened}: disputes PayPal created ({@code create_time}) in the week, by reason.
 *   <li>{@code resolved}: disputes resolved in the week, by {@link OutcomeDetail}.
 *   <li>{@code amounts}, per currency: <em>disputed</em> sums the disputes opened in the week;
 *       <em>recovered</em> the disputes resolved for us in the week (won, cancelled by the buyer);
 *       <em>refunded</em> what the disputes resolved against us (lost, accepted) cost: PayPal's
 *       refunded amount, or the disputed amount when it gave none. The same sums as {@code
 *       /disputes stats}.
 *   <li>{@code firstActionWaits}: for the disputes opened in the week that we have acted on, the
 *       time from PayPal's creation to our first action PayPal accepted ({@code first_action_at});
 *       the median of these is the "median time to first action".
 *   <li>{@code deadlinesDue}: disputes whose seller response deadline (the last one PayPal gave)
 *       fell in the week; {@code deadlinesMet}: those of them whose first action from us came at or
 *       before that deadline.
 * </ul>
 */
public record ReportData(Instant from, Instant to, ZoneId zone, List<Week> weeks) {
  public ReportData {
    weeks = List.copyOf(weeks);
  }

  /** Amounts in one currency, in minor units. */
  public record Amounts(long disputedMinor, long recoveredMinor, long refundedMinor) {
    public static final Amounts ZERO = new Amounts(0, 0, 0);

    public Amounts plus(Amounts o) {
      return new Amounts(
          disputedMinor + o.disputedMinor,
          recoveredMinor + o.recoveredMinor,
          refundedMinor + o.refundedMinor);
    }
  }

  /** A currency's amounts over the whole period. */
  public record CurrencyAmounts(String currency, Amounts amounts) {}

  /** How many disputes of a reason (PayPal's code) were opened in the period. */
  public record ReasonCount(String reason, long count) {}

  /** One week's figures; {@code from}/{@code to} are the week's bounds cut to the period. */
  public record Week(
      LocalDate start,
      Instant from,
      Instant to,
      Map<String, Long> openedByReason,
      Map<OutcomeDetail, Long> resolvedBy,
      Map<String, Amounts> amounts,
      List<Duration> firstActionWaits,
      long deadlinesDue,
      long deadlinesMet) {
    public Week {
      openedByReason = Collections.unmodifiableMap(new TreeMap<>(openedByReason));
      EnumMap<OutcomeDetail, Long> by = new EnumMap<>(OutcomeDetail.class);
      for (OutcomeDetail d : OutcomeDetail.values()) {
        by.put(d, resolvedBy.getOrDefault(d, 0L));
      }
      resolvedBy = Collections.unmodifiableMap(by);
      amounts = Collections.unmodifiableMap(new TreeMap<>(amounts));
      firstActionWaits = firstActionWaits.stream().sorted().toList();
    }

    public long opened() {
      return openedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long resolved() {
      return resolvedBy.values().stream().mapToLong(Long::longValue).sum();
    }

    public long resolved(OutcomeDetail detail) {
      return resolvedBy.get(detail);
    }

    /** The median wait, or null when we acted on none of the week's new disputes. */
    public Duration medianFirstAction() {
      return median(firstActionWaits);
    }
  }

  public long opened() {
    return weeks.stream().mapToLong(Week::opened).sum();
  }

  public long resolved() {
    return weeks.stream().mapToLong(Week::resolved).sum();
  }

  public long resolved(OutcomeDetail detail) {
    return weeks.stream().mapToLong(w -> w.resolved(detail)).sum();
  }

  /** Won ÷ (won + lost) in {@link Outcome}'s sense, empty when nothing was won or lost. */
  public OptionalDouble winRate() {
    long won = 0;
    long lost = 0;
    for (OutcomeDetail d : OutcomeDetail.values()) {
      if (d.outcome() == Outcome.WON) {
        won += resolved(d);
      } else if (d.outcome() == Outcome.LOST) {
        lost += resolved(d);
      }
    }
    return won + lost == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) won / (won + lost));
  }

  /** The period's amounts per currency, in currency order. */
  public List<CurrencyAmounts> currencies() {
    Map<String, Amounts> sums = new TreeMap<>();
    weeks.forEach(w -> w.amounts().forEach((c, a) -> sums.merge(c, a, Amounts::plus)));
    List<CurrencyAmounts> out = new ArrayList<>();
    sums.forEach((c, a) -> out.add(new CurrencyAmounts(c, a)));
    return out;
  }

  /** The disputes opened in the period by reason, most first (then by code). */
  public List<ReasonCount> reasons() {
    Map<String, Long> sums = new TreeMap<>();
    weeks.forEach(w -> w.openedByReason().forEach((r, n) -> sums.merge(r, n, Long::sum)));
    List<ReasonCount> out = new ArrayList<>();
    sums.forEach((r, n) -> out.add(new ReasonCount(r, n)));
    out.sort(
        Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::reason));
    return out;
  }

  /** The median time to first action over the whole period, or null without samples. */
  public Duration medianFirstAction() {
    List<Duration> all = new ArrayList<>();
    weeks.forEach(w -> all.addAll(w.firstActionWaits()));
    all.sort(null);
    return median(all);
  }

  public long firstActionSamples() {
    return weeks.stream().mapToLong(w -> w.firstActionWaits().size()).sum();
  }

  public long deadlinesDue() {
    return weeks.stream().mapToLong(Week::deadlinesDue).sum();
  }

  public long deadlinesMet() {
    return weeks.stream().mapToLong(Week::deadlinesMet).sum();
  }

  /** Nothing opened, resolved or due in the period. */
  public boolean isEmpty() {
    return opened() == 0 && resolved() == 0 && deadlinesDue() == 0;
  }

  /**
   * The middle value of sorted durations, or the mean of the two middle ones (whole milliseconds).
   */
  static Duration median(List<Duration> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return null;
    }
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return Duration.ofMillis((sorted.get(n / 2 - 1).toMillis() + sorted.get(n / 2).toMillis()) / 2);
  }
}
