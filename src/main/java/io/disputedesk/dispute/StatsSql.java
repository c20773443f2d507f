package io.disputedesk.dispute;

import io.disputedesk.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The aggregate queries behind stats and the digest totals; each reads one index range. */
final class StatsSql {
  /** What every narrowed statistic reads; the channel's conditions go right after it. */
  private static final String FROM_DISPUTES = " FROM disputes WHERE ";

  private static final String LOST = LineSql.literals(Outcome.codes(Outcome.LOST));

  static final String OPENED =
      "SELECT COUNT(*) FROM disputes WHERE create_time >= ? AND create_time < ?";
  static final String OUTCOMES =
      "SELECT currency, outcome_code, COUNT(*) AS n, SUM(amount_minor) AS amount,"
          + " SUM(COALESCE(refunded_minor, amount_minor)) AS paid FROM disputes"
          + " WHERE resolved_at IS NOT NULL AND resolved_at >= ? AND resolved_at < ?"
          + " GROUP BY currency, outcome_code";
  static final String AT_RISK =
      "SELECT d.currency, COUNT(*) AS n, COALESCE(SUM(d.amount_minor), 0) AS amount"
          + " FROM disputes d WHERE "
          + LineSql.IS_OPEN
          + " GROUP BY d.currency ORDER BY d.currency";
  static final String MISSED =
      "SELECT COUNT(*) FROM disputes"
          + " WHERE resolved_at IS NOT NULL AND resolved_at >= ? AND resolved_at < ?"
          + " AND outcome_code IN ("
          + LOST
          + ") AND seller_due IS NOT NULL AND seller_due < resolved_at"
          + " AND (first_action_at IS NULL OR first_action_at > seller_due)";
  static final String OVERDUE =
      "SELECT COUNT(*) FROM disputes WHERE status = '"
          + LineSql.WAITING_SELLER
          + "' AND seller_due <= ?";
  private static final String ACTED =
      " FROM disputes WHERE first_seen_at >= ? AND first_seen_at < ? AND first_action_at IS NOT NULL";
  static final String MEDIAN_COUNT = "SELECT COUNT(*)" + ACTED;
  static final String MEDIAN_PICK =
      "SELECT first_action_at - first_seen_at AS wait" + ACTED + " ORDER BY wait LIMIT ? OFFSET ?";

  private StatsSql() {}

  static DisputeStats stats(Connection c, Instant from, Instant to, Instant now)
      throws SQLException {
    return stats(c, from, to, now, DisputeScope.everything());
  }

  /** The numbers over the disputes in {@code scope} only. */
  static DisputeStats stats(Connection c, Instant from, Instant to, Instant now, DisputeScope scope)
      throws SQLException {
    Median median = medianTimeToFirstAction(c, from, to, scope);
    return new DisputeStats(
        from,
        to,
        count(c, OPENED, scope, from, to),
        outcomes(c, from, to, scope),
        atRisk(c, scope),
        median.value(),
        median.samples(),
        count(c, MISSED, scope, from, to),
        overdue(c, now, scope));
  }

  static long opened(Connection c, Instant from, Instant to) throws SQLException {
    return count(c, OPENED, from, to);
  }

  static List<DisputeStats.OutcomeTotal> outcomes(Connection c, Instant from, Instant to)
      throws SQLException {
    return outcomes(c, from, to, DisputeScope.everything());
  }

  private static List<DisputeStats.OutcomeTotal> outcomes(
      Connection c, Instant from, Instant to, DisputeScope scope) throws SQLException {
    Map<String, long[]> byCurrency = new TreeMap<>();
    Where narrowed = narrowing(scope);
    try (PreparedStatement ps = c.prepareStatement(narrowed(OUTCOMES, narrowed))) {
      int i = narrowed.bind(ps, 1);
      Jdbc.setInstant(ps, i, from);
      Jdbc.setInstant(ps, i + 1, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String currency = rs.getString("currency") == null ? "?" : rs.getString("currency");
          long[] t = byCurrency.computeIfAbsent(currency, k -> new long[5]);
          long n = rs.getLong("n");
          switch (Outcome.of(Resolution.read(rs.getString("outcome_code")))) {
            case WON -> {
              t[0] += n;
              t[1] += rs.getLong("amount");
            }
            case LOST -> {
              t[2] += n;
              t[3] += rs.getLong("paid");
            }
            case OTHER -> t[4] += n;
          }
        }
      }
    }
    List<DisputeStats.OutcomeTotal> totals = new ArrayList<>();
    byCurrency.forEach(
        (currency, t) ->
            totals.add(new DisputeStats.OutcomeTotal(currency, t[0], t[1], t[2], t[3], t[4])));
    return totals;
  }

  /** The open disputes and their amounts per currency. */
  static List<CurrencyTotal> atRisk(Connection c) throws SQLException {
    return atRisk(c, DisputeScope.everything());
  }

  /** The open disputes in {@code scope} by currency. */
  static List<CurrencyTotal> atRisk(Connection c, DisputeScope scope) throws SQLException {
    Where where = new Where().and(LineSql.IS_OPEN);
    scope.narrow(where);
    String sql =
        scope.isEverything()
            ? AT_RISK
            : "SELECT d.currency, COUNT(*) AS n,"
                + " COALESCE(SUM(d.amount_minor), 0) AS amount FROM disputes d"
                + where.sql()
                + " GROUP BY d.currency ORDER BY d.currency";
    List<CurrencyTotal> totals = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (!scope.isEverything()) {
        where.bind(ps, 1);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String currency = rs.getString("currency") == null ? "?" : rs.getString("currency");
          totals.add(new CurrencyTotal(currency, rs.getLong("n"), rs.getLong("amount")));
        }
      }
    }
    return totals;
  }

  /** The disputes in {@code scope} whose deadline passed while PayPal still waits for us. */
  static long overdue(Connection c, Instant now, DisputeScope scope) throws SQLException {
    if (scope.isEverything()) {
      return overdue(c, now);
    }
    Where where =
        new Where().and("d.status = ? AND d.seller_due <= ?", LineSql.WAITING_SELLER, now);
    scope.narrow(where);
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM disputes d" + where.sql())) {
      where.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static long deadlinesMissed(Connection c, Instant from, Instant to) throws SQLException {
    return count(c, MISSED, from, to);
  }

  static long overdue(Connection c, Instant now) throws SQLException {
    return count(c, OVERDUE, now);
  }

  private record Median(Duration value, long samples) {}

  private static Median medianTimeToFirstAction(
      Connection c, Instant from, Instant to, DisputeScope scope) throws SQLException {
    long n = count(c, MEDIAN_COUNT, scope, from, to);
    if (n == 0) {
      return new Median(null, 0);
    }
    Where narrowed = narrowing(scope);
    // The middle value, or the mean of the two middle values for an even count.
    try (PreparedStatement ps = c.prepareStatement(narrowed(MEDIAN_PICK, narrowed))) {
      int i = narrowed.bind(ps, 1);
      Jdbc.setInstant(ps, i, from);
      Jdbc.setInstant(ps, i + 1, to);
      ps.setLong(i + 2, n % 2 == 0 ? 2 : 1);
      ps.setLong(i + 3, (n - 1) / 2);
      long sum = 0;
      int rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sum += rs.getLong("wait");
          rows++;
        }
      }
      return new Median(Duration.ofMillis(sum / rows), n);
    }
  }

  private static long count(Connection c, String sql, Instant... params) throws SQLException {
    return count(c, sql, DisputeScope.everything(), params);
  }

  private static long count(Connection c, String sql, DisputeScope scope, Instant... params)
      throws SQLException {
    Where narrowed = narrowing(scope);
    try (PreparedStatement ps = c.prepareStatement(narrowed(sql, narrowed))) {
      int first = narrowed.bind(ps, 1);
      for (int i = 0; i < params.length; i++) {
        Jdbc.setInstant(ps, first + i, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The scope's condition (none for everything), its columns on the alias {@code d}. */
  private static Where narrowing(DisputeScope scope) {
    Where w = new Where();
    scope.narrow(w);
    return w;
  }

  /**
   * {@code sql} (one of the single-table queries above) with the scope's condition first: the table
   * gets the alias {@code d} the condition names, and the condition's parameters come first.
   */
  private static String narrowed(String sql, Where scope) {
    if (scope.params().isEmpty() && scope.sql().isEmpty()) {
      return sql;
    }
    // Every statistic narrowed here reads "... FROM disputes WHERE ...": one that does not would
    // count every dispute in a channel's shared answer, so it fails loudly instead.
    if (!sql.contains(FROM_DISPUTES)) {
      throw new IllegalStateException("cannot narrow a query without '" + FROM_DISPUTES + "'");
    }
    return sql.replace(FROM_DISPUTES, " FROM disputes d WHERE " + scope.conditions() + " AND ");
  }
}
