package io.disputedesk.dispute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL conditions of a {@link DisputeFilter}'s parts besides its view (on {@code disputes d}).
 */
final class FilterSql {
  private FilterSql() {}

  /**
   * The whole filter, its view included (by status: open, resolved, waiting for the buyer or for
   * us).
   */
  static Where condition(DisputeFilter f) {
    Where w = new Where();
    if (f.view() != null) {
      switch (f.view()) {
        case RESOLVED -> w.and("d.status = 'RESOLVED'");
        case WAITING_BUYER -> w.and("d.status = 'WAITING_FOR_BUYER_RESPONSE'");
        case DUE -> w.and("d.status = '" + LineSql.WAITING_SELLER + "'");
        default -> w.and(LineSql.IS_OPEN);
      }
    }
    narrow(w, f);
    return w;
  }

  static void narrow(Where w, DisputeFilter f) {
    if (!f.accounts().isEmpty()) {
      w.and("d.account IN (" + marks(f.accounts().size()) + ")", f.accounts().toArray());
    }
    if (!f.reasons().isEmpty()) {
      w.and("d.reason IN (" + marks(f.reasons().size()) + ")", f.reasons().toArray());
    }
    if (!f.statuses().isEmpty()) {
      w.and("d.status IN (" + marks(f.statuses().size()) + ")", f.statuses().toArray());
    }
    if (!f.stages().isEmpty()) {
      w.and(
          "("
              + f.stages().stream()
                  .sorted()
                  .map(FilterSql::stage)
                  .collect(Collectors.joining(" OR "))
              + ")");
    }
    if (!f.amounts().isEmpty()) {
      amounts(w, f.amounts());
    }
  }

  /** Stage conditions use only fixed enum names, never input. */
  private static String stage(FilterStage s) {
    return switch (s) {
      case INQUIRY -> "d.stage = 'INQUIRY'";
      case CLAIM -> "(d.stage = 'CHARGEBACK' AND (d.channel IS NULL OR d.channel <> 'EXTERNAL'))";
      case CHARGEBACK -> "d.channel = 'EXTERNAL'";
      case PRE_ARBITRATION -> "d.stage = 'PRE_ARBITRATION'";
      case ARBITRATION -> "d.stage = 'ARBITRATION'";
    };
  }

  /** One currency's range, or every other currency's range in each currency's own minor units. */
  private static void amounts(Where w, List<AmountRange> ranges) {
    List<String> any = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (AmountRange r : ranges) {
      if (r.currency() != null) {
        named.add(r.currency());
        StringBuilder sql = new StringBuilder("(d.currency = ?");
        params.add(r.currency());
        if (r.min() != null) {
          sql.append(" AND d.amount_minor >= ?");
          params.add(r.minMinorIn(r.currency()));
        }
        if (r.max() != null) {
          sql.append(" AND d.amount_minor <= ?");
          params.add(r.maxMinorIn(r.currency()));
        }
        any.add(sql.append(")").toString());
      }
    }
    for (AmountRange r : ranges) {
      if (r.currency() == null) {
        StringBuilder sql = new StringBuilder("(d.currency IS NOT NULL");
        if (!named.isEmpty()) {
          sql.append(" AND d.currency NOT IN (").append(marks(named.size())).append(")");
          params.addAll(named);
        }
        String scaled =
            "CASE WHEN d.currency IN ("
                + LineSql.literals(LineSql.ZERO_DECIMAL)
                + ") THEN ? ELSE ? END";
        if (r.min() != null) {
          sql.append(" AND d.amount_minor >= ").append(scaled);
          params.add(r.minMinorIn("JPY"));
          params.add(r.minMinorIn("USD"));
        }
        if (r.max() != null) {
          sql.append(" AND d.amount_minor <= ").append(scaled);
          params.add(r.maxMinorIn("JPY"));
          params.add(r.maxMinorIn("USD"));
        }
        any.add(sql.append(")").toString());
      }
    }
    w.and("(" + String.join(" OR ", any) + ")", params.toArray());
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
