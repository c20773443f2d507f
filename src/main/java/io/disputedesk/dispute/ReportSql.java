package io.disputedesk.dispute;

import io.disputedesk.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three reads behind {@link ReportData}, each an index range of the period (see {@code
 * V3_18__reports.sql}), bucketed into the zone's weeks here so that daylight-saving weeks are cut
 * where people's calendars cut them.
 */
final class ReportSql {
  static final String CREATED =
      "SELECT create_time, reason, currency, amount_minor, first_action_at"
          + " FROM disputes d WHERE create_time >= ? AND create_time < ?";
  static final String RESOLVED =
      "SELECT resolved_at, currency, outcome_code, amount_minor, refunded_minor"
          + " FROM disputes d WHERE resolved_at IS NOT NULL AND resolved_at >= ? AND resolved_at < ?";
  static final String DEADLINES =
      "SELECT last_seller_due, first_action_at FROM disputes d"
          + " WHERE last_seller_due IS NOT NULL AND last_seller_due >= ? AND last_seller_due < ?";
  static final String UNKNOWN = "?";

  private ReportSql() {}

  /** A week being added up. */
  private static final class Bucket {
    final LocalDate start;
    final Instant from;
    final Instant to;
    final Map<String, Long> reasons = new HashMap<>();
    final Map<OutcomeDetail, Long> resolved = new EnumMap<>(OutcomeDetail.class);
    final Map<String, ReportData.Amounts> amounts = new HashMap<>();
    final List<Duration> waits = new ArrayList<>();
    long due;
    long met;

    Bucket(LocalDate start, Instant from, Instant to) {
      this.start = start;
      this.from = from;
      this.to = to;
    }

    void add(String currency, ReportData.Amounts a) {
      amounts.merge(currency, a, ReportData.Amounts::plus);
    }

    ReportData.Week week() {
      return new ReportData.Week(start, from, to, reasons, resolved, amounts, waits, due, met);
    }
  }

  /** The figures of the disputes in {@code scope} (a channel's routes) for the period. */
  static ReportData report(Connection c, Instant from, Instant to, ZoneId zone, DisputeScope scope)
      throws SQLException {
    List<Bucket> weeks = weeks(from, to, zone);
    try (PreparedStatement ps = period(c, CREATED, from, to, scope);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Bucket w = bucket(weeks, Jdbc.getInstant(rs, "create_time"));
        String reason = rs.getString("reason");
        w.reasons.merge(reason == null ? UNKNOWN : reason, 1L, Long::sum);
        Long amount = Jdbc.getLong(rs, "amount_minor");
        if (amount != null) {
          w.add(currency(rs), new ReportData.Amounts(amount, 0, 0));
        }
        Instant acted = Jdbc.getInstant(rs, "first_action_at");
        if (acted != null) {
          Duration wait = Duration.between(Jdbc.getInstant(rs, "create_time"), acted);
          w.waits.add(wait.isNegative() ? Duration.ZERO : wait);
        }
      }
    }
    try (PreparedStatement ps = period(c, RESOLVED, from, to, scope);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Bucket w = bucket(weeks, Jdbc.getInstant(rs, "resolved_at"));
        OutcomeDetail detail = OutcomeDetail.of(Resolution.read(rs.getString("outcome_code")));
        w.resolved.merge(detail, 1L, Long::sum);
        Long amount = Jdbc.getLong(rs, "amount_minor");
        Long refunded = Jdbc.getLong(rs, "refunded_minor");
        if (detail.outcome() == Outcome.WON && amount != null) {
          w.add(currency(rs), new ReportData.Amounts(0, amount, 0));
        } else if (detail.outcome() == Outcome.LOST && (refunded != null || amount != null)) {
          w.add(currency(rs), new ReportData.Amounts(0, 0, refunded != null ? refunded : amount));
        }
      }
    }
    try (PreparedStatement ps = period(c, DEADLINES, from, to, scope);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Instant due = Jdbc.getInstant(rs, "last_seller_due");
        Instant acted = Jdbc.getInstant(rs, "first_action_at");
        Bucket w = bucket(weeks, due);
        w.due++;
        if (acted != null && !acted.isAfter(due)) {
          w.met++;
        }
      }
    }
    return new ReportData(from, to, zone, weeks.stream().map(Bucket::week).toList());
  }

  /** The weeks (Monday to Monday in the zone) that overlap {@code [from, to)}, cut to it. */
  private static List<Bucket> weeks(Instant from, Instant to, ZoneId zone) {
    List<Bucket> weeks = new ArrayList<>();
    LocalDate monday =
        from.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    ZonedDateTime start = monday.atStartOfDay(zone);
    while (start.toInstant().isBefore(to)) {
      ZonedDateTime next = start.toLocalDate().plusWeeks(1).atStartOfDay(zone);
      Instant a = start.toInstant().isBefore(from) ? from : start.toInstant();
      Instant b = next.toInstant().isAfter(to) ? to : next.toInstant();
      weeks.add(new Bucket(start.toLocalDate(), a, b));
      start = next;
    }
    return weeks;
  }

  /** The week holding {@code t}, which the query's range keeps inside the period. */
  private static Bucket bucket(List<Bucket> weeks, Instant t) {
    int lo = 0;
    int hi = weeks.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (weeks.get(mid).from.isAfter(t)) {
        hi = mid - 1;
      } else {
        lo = mid;
      }
    }
    return weeks.get(lo);
  }

  /** One of the reads for the period, narrowed to {@code scope} after its index range. */
  private static PreparedStatement period(
      Connection c, String sql, Instant from, Instant to, DisputeScope scope) throws SQLException {
    Where narrowed = new Where();
    scope.narrow(narrowed);
    PreparedStatement ps =
        c.prepareStatement(scope.isEverything() ? sql : sql + " AND " + narrowed.conditions());
    try {
      Jdbc.setInstant(ps, 1, from);
      Jdbc.setInstant(ps, 2, to);
      narrowed.bind(ps, 3);
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  private static String currency(ResultSet rs) throws SQLException {
    String currency = rs.getString("currency");
    return currency == null ? UNKNOWN : currency;
  }
}
