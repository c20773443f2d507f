package io.disputedesk.dispute;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of disputes described by filters: those matching any of {@code anyOf}, and, when {@code
 * orUnmatched}, also those matching none of {@code all} (a channel's routes, plus everything no
 * route takes for the default channel). {@link #everything()} is every dispute.
 */
public record DisputeScope(
    List<DisputeFilter> anyOf, boolean orUnmatched, List<DisputeFilter> all) {
  public DisputeScope {
    anyOf = List.copyOf(anyOf);
    all = List.copyOf(all);
  }

  public static DisputeScope everything() {
    return new DisputeScope(List.of(), true, List.of());
  }

  public boolean isEverything() {
    return orUnmatched && all.isEmpty();
  }

  /** True when every dispute is in it, also through a route that takes everything. */
  public boolean coversEverything() {
    return isEverything() || anyOf.stream().anyMatch(DisputeFilter::isEverything);
  }

  public boolean matches(DisputeFacts facts) {
    if (anyOf.stream().anyMatch(f -> f.matches(facts))) {
      return true;
    }
    return orUnmatched && all.stream().noneMatch(f -> f.matches(facts));
  }

  /** Adds the scope's condition to {@code w} (nothing for everything). */
  void narrow(Where w) {
    if (isEverything()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (DisputeFilter f : anyOf) {
      Where one = FilterSql.condition(f);
      parts.add(one.conditions());
      params.addAll(one.params());
    }
    if (orUnmatched) {
      List<String> none = new ArrayList<>();
      for (DisputeFilter f : all) {
        Where one = FilterSql.condition(f);
        // A condition on a missing column is unknown (NULL), which NOT would keep unknown: count it
        // as no match.
        none.add("COALESCE(" + one.conditions() + ", FALSE)");
        params.addAll(one.params());
      }
      parts.add("NOT (" + String.join(" OR ", none) + ")");
    }
    w.and(parts.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", parts) + ")", params.toArray());
  }
}
