package io.disputedesk.dispute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQLite's query plans of the statements behind stats, the report and the digest, by name. */
final class QueryPlans {
  private QueryPlans() {}

  /** A statement and the parameters it is explained with. */
  record Statement(String sql, List<Object> params) {}

  /** Every statement behind stats, the report and the digest for {@code [from, to)}, by name. */
  static Map<String, Statement> statsAndDigest(Instant from, Instant to) {
    Map<String, Statement> statements = new LinkedHashMap<>();
    statements.put("stats.opened", new Statement(StatsSql.OPENED, List.of(from, to)));
    statements.put("stats.outcomes", new Statement(StatsSql.OUTCOMES, List.of(from, to)));
    statements.put("stats.missed", new Statement(StatsSql.MISSED, List.of(from, to)));
    statements.put("stats.median_count", new Statement(StatsSql.MEDIAN_COUNT, List.of(from, to)));
    statements.put(
        "stats.median_pick", new Statement(StatsSql.MEDIAN_PICK, List.of(from, to, 1, 0)));
    statements.put("at_risk", new Statement(StatsSql.AT_RISK, List.of()));
    statements.put("overdue", new Statement(StatsSql.OVERDUE, List.of(to)));
    statements.put("report.created", new Statement(ReportSql.CREATED, List.of(from, to)));
    statements.put("report.resolved", new Statement(ReportSql.RESOLVED, List.of(from, to)));
    statements.put("report.deadlines", new Statement(ReportSql.DEADLINES, List.of(from, to)));
    DigestSql.sections(from, to, Duration.ofHours(48))
        .forEach(
            (name, section) -> {
              statements.put(
                  "digest." + name,
                  new Statement(
                      LineSql.SELECT
                          + LineSql.FROM
                          + section.where().sql()
                          + section.order()
                          + " LIMIT 10",
                      section.where().params()));
              statements.put(
                  "digest." + name + ".count",
                  new Statement(
                      "SELECT COUNT(*)" + LineSql.FROM_COUNTED + section.where().sql(),
                      section.where().params()));
            });
    return statements;
  }

  /** Each statement's plan, its steps joined with "; ", by the statement's name. */
  static Map<String, String> explain(Connection c, Map<String, Statement> statements)
      throws SQLException {
    Map<String, String> plans = new LinkedHashMap<>();
    for (Map.Entry<String, Statement> e : statements.entrySet()) {
      plans.put(e.getKey(), explain(c, e.getValue()));
    }
    return plans;
  }

  private static String explain(Connection c, Statement s) throws SQLException {
    List<String> steps = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + s.sql())) {
      Where.bind(ps, 1, s.params());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString("detail"));
        }
      }
    }
    return String.join("; ", steps);
  }
}
