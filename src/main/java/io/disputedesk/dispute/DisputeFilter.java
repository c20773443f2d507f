package io.disputedesk.dispute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one filter language of lists, routes and subscriptions, parsed by {@link FilterWords}: an
 * optional list view, and any of accounts, reasons, stages and statuses (each set matches any of
 * its members), and amount ranges (one per currency, plus one for every other currency). Empty
 * parts match everything. {@code dueWithin} belongs to the due list.
 */
public record DisputeFilter(
    DisputeView view,
    SortedSet<String> accounts,
    SortedSet<String> reasons,
    Set<FilterStage> stages,
    SortedSet<String> statuses,
    List<AmountRange> amounts,
    Duration dueWithin) {

  public DisputeFilter {
    accounts = sorted(accounts);
    reasons = sorted(reasons);
    stages = stages == null || stages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stages));
    statuses = sorted(statuses);
    List<AmountRange> ranges = new ArrayList<>(amounts == null ? List.of() : amounts);
    ranges.sort(Comparator.comparing((AmountRange r) -> r.currency() == null ? "" : r.currency()));
    amounts = List.copyOf(ranges);
  }

  /** Matches every dispute. */
  public static DisputeFilter everything() {
    return new DisputeFilter(null, null, null, null, null, null, null);
  }

  /**
   * The filter of the list command's original words: a view, a reason, a minimum amount and a due
   * window.
   */
  public static DisputeFilter of(
      DisputeView view, String reason, MinAmount min, Duration dueWithin) {
    return new DisputeFilter(
        view,
        null,
        reason == null ? null : new TreeSet<>(Set.of(reason)),
        null,
        null,
        min == null ? null : List.of(AmountRange.atLeast(min.value(), min.currency())),
        dueWithin);
  }

  public DisputeFilter withView(DisputeView v) {
    return new DisputeFilter(v, accounts, reasons, stages, statuses, amounts, dueWithin);
  }

  public DisputeFilter withDueWithin(Duration d) {
    return new DisputeFilter(view, accounts, reasons, stages, statuses, amounts, d);
  }

  /** The only reason named, or null when none or several are. */
  public String singleReason() {
    return reasons.size() == 1 ? reasons.first() : null;
  }

  /** The only amount range when it is a plain minimum, or null. */
  public MinAmount singleMinimum() {
    if (amounts.size() != 1 || amounts.get(0).max() != null) {
      return null;
    }
    return new MinAmount(amounts.get(0).min(), amounts.get(0).currency());
  }

  /** The range that applies to a currency: its own, else the one for every other currency. */
  public AmountRange amountFor(String currency) {
    AmountRange other = null;
    for (AmountRange r : amounts) {
      if (r.currency() == null) {
        other = r;
      } else if (r.currency().equals(currency)) {
        return r;
      }
    }
    return other;
  }

  /**
   * True when the dispute passes every part of the filter. A view is matched by status (due, mine
   * and unassigned are not facts of a dispute and are refused in routes by {@link FilterWords}).
   */
  public boolean matches(DisputeFacts d) {
    if (!accounts.isEmpty() && !accounts.contains(d.account())) {
      return false;
    }
    if (!reasons.isEmpty() && !reasons.contains(d.reason())) {
      return false;
    }
    if (!stages.isEmpty()
        && stages.stream().noneMatch(s -> s.matches(d.stage(), d.disputeChannel()))) {
      return false;
    }
    if (!statuses.isEmpty() && !statuses.contains(d.status())) {
      return false;
    }
    if (view != null && !viewMatches(d.status())) {
      return false;
    }
    if (!amounts.isEmpty()) {
      AmountRange range = d.currency() == null ? null : amountFor(d.currency());
      return range != null && range.contains(d.amount());
    }
    return true;
  }

  private boolean viewMatches(String status) {
    return switch (view) {
      case RESOLVED -> "RESOLVED".equals(status);
      case WAITING_BUYER -> "WAITING_FOR_BUYER_RESPONSE".equals(status);
      case DUE -> "WAITING_FOR_SELLER_RESPONSE".equals(status);
      default -> !"RESOLVED".equals(status);
    };
  }

  /** True when nothing narrows it: it matches every dispute. */
  public boolean isEverything() {
    return view == null
        && accounts.isEmpty()
        && reasons.isEmpty()
        && stages.isEmpty()
        && statuses.isEmpty()
        && amounts.isEmpty();
  }

  /** The filter as words {@link FilterWords} reads back to an equal filter, in a fixed order. */
  public String words() {
    List<String> out = new ArrayList<>();
    if (view != null) {
      out.add(FilterWords.viewWord(view));
    }
    accounts.forEach(a -> out.add("account:" + a));
    stages.stream().sorted().forEach(s -> out.add(s.word()));
    reasons.forEach(r -> out.add(ReasonWords.word(r)));
    statuses.forEach(s -> out.add("status:" + FilterWords.statusWord(s)));
    amounts.forEach(a -> out.add(a.words()));
    if (dueWithin != null && view == DisputeView.DUE) {
      out.add(dueWithin.toHours() + "h");
    }
    return out.isEmpty() ? "everything" : String.join(" ", out);
  }

  private static SortedSet<String> sorted(Set<String> values) {
    return Collections.unmodifiableSortedSet(
        values == null ? new TreeSet<>() : new TreeSet<>(values));
  }
}
