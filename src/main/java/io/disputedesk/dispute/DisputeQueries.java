package io.disputedesk.dispute;

import io.disputedesk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of disputes: filtered lists with paging, stats, digest sections, reminder
 * candidates and export rows. Every query reads an index range (see {@code V2__queries.sql}); none
 * loads all disputes.
 */
public final class DisputeQueries {
  private final Database db;

  public DisputeQueries(Database db) {
    this.db = db;
  }

  /**
   * Up to {@code limit} disputes of the filter, skipping the first {@code offset}, in the view's
   * order.
   */
  public List<DisputeLine> list(ListFilter filter, Instant now, int offset, int limit) {
    return list(filter, now, offset, limit, DisputeScope.everything());
  }

  /** As {@link #list(ListFilter, Instant, int, int)}, over the disputes in {@code scope} only. */
  public List<DisputeLine> list(
      ListFilter filter, Instant now, int offset, int limit, DisputeScope scope) {
    Where where = LineSql.where(filter, now);
    scope.narrow(where);
    return db.read(
        c -> lines(c, where, LineSql.orderBy(filter.view()) + " LIMIT ? OFFSET ?", limit, offset));
  }

  /** How many disputes the filter matches. */
  public long count(ListFilter filter, Instant now) {
    return db.read(c -> count(c, filter, now));
  }

  /** How many disputes in {@code scope} the filter matches. */
  public long count(ListFilter filter, Instant now, DisputeScope scope) {
    Where where = LineSql.where(filter, now);
    scope.narrow(where);
    return db.read(c -> count(c, where));
  }

  /**
   * Up to {@code limit} disputes whose id, buyer name or transaction id contains {@code text}
   * (case-insensitive), newest first, skipping the first {@code offset}.
   */
  public List<DisputeLine> search(String text, int offset, int limit) {
    Where where = SearchSql.where(text);
    return db.read(c -> lines(c, where, SearchSql.ORDER + " LIMIT ? OFFSET ?", limit, offset));
  }

  /** How many disputes {@link #search} finds for {@code text}. */
  public long searchCount(String text) {
    return db.read(c -> count(c, SearchSql.where(text)));
  }

  /** One dispute's line; empty when the id is unknown. */
  public Optional<DisputeLine> line(String disputeId) {
    Where where = new Where().and("d.dispute_id = ?", disputeId);
    return db.read(c -> lines(c, where, "")).stream().findFirst();
  }

  /**
   * Open disputes waiting for the seller whose deadline lies in {@code (dueAfter, dueUpTo]},
   * soonest first.
   */
  public List<DisputeLine> waitingForSeller(Instant dueAfter, Instant dueUpTo) {
    return waitingForSeller(new Where(), dueAfter, dueUpTo);
  }

  /**
   * As {@link #waitingForSeller(Instant, Instant)}, leaving out the disputes snoozed at {@code
   * now}.
   */
  public List<DisputeLine> waitingForSeller(Instant dueAfter, Instant dueUpTo, Instant now) {
    return waitingForSeller(SnoozeSql.awake(new Where(), now), dueAfter, dueUpTo);
  }

  private List<DisputeLine> waitingForSeller(Where where, Instant dueAfter, Instant dueUpTo) {
    where.and(
        "d.status = ? AND d.seller_due > ? AND d.seller_due <= ?",
        LineSql.WAITING_SELLER,
        dueAfter,
        dueUpTo);
    return db.read(c -> lines(c, where, " ORDER BY d.seller_due, d.dispute_id"));
  }

  /** How many disputes are open in each PayPal account, by account name. */
  public Map<String, Long> openByAccount() {
    return openByAccount(DisputeScope.everything());
  }

  /** How many disputes in {@code scope} are open in each PayPal account, by account name. */
  public Map<String, Long> openByAccount(DisputeScope scope) {
    Where where = new Where().and(LineSql.IS_OPEN);
    scope.narrow(where);
    return db.read(
        c -> {
          Map<String, Long> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT d.account, COUNT(*) FROM disputes d"
                      + where.sql()
                      + " GROUP BY d.account ORDER BY d.account")) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
              }
            }
          }
          return out;
        });
  }

  /** The team's numbers for {@code [from, to)}, with "now" figures as of {@code now}. */
  public DisputeStats stats(Instant from, Instant to, Instant now) {
    return stats(from, to, now, DisputeScope.everything());
  }

  /** The numbers over the disputes in {@code scope} (those routed to one channel). */
  public DisputeStats stats(Instant from, Instant to, Instant now, DisputeScope scope) {
    return db.read(c -> StatsSql.stats(c, from, to, now, scope));
  }

  /**
   * The report's figures for {@code [from, to)}, week by week in {@code zone} (see {@link
   * ReportData}).
   */
  public ReportData report(Instant from, Instant to, ZoneId zone) {
    return report(from, to, zone, DisputeScope.everything());
  }

  /** The report's figures over the disputes in {@code scope} (those routed to one channel). */
  public ReportData report(Instant from, Instant to, ZoneId zone, DisputeScope scope) {
    return db.read(c -> ReportSql.report(c, from, to, zone, scope));
  }

  /**
   * One person's Home numbers: their open disputes, those waiting for us due before {@code
   * dueBefore}, and how theirs resolved in {@code [resolvedFrom, now)} ended.
   */
  public PersonalStats personal(
      String userId, Instant dueBefore, Instant resolvedFrom, Instant now) {
    return db.read(c -> PersonalSql.stats(c, userId, dueBefore, resolvedFrom, now));
  }

  /** The open disputes and their amounts per currency. */
  public List<CurrencyTotal> atRisk() {
    return db.read(StatsSql::atRisk);
  }

  /** Open disputes still waiting for the seller after their deadline. */
  public long overdueCount(Instant now) {
    return db.read(c -> StatsSql.overdue(c, now));
  }

  /**
   * The digest's sections for {@code (from, to]}: at most {@code linesPerSection} lines each, with
   * the full count; "due soon" is the window {@code (to, to + dueWindow]}.
   */
  public DigestData digest(Instant from, Instant to, Duration dueWindow, int linesPerSection) {
    return digest(from, to, dueWindow, linesPerSection, DisputeScope.everything());
  }

  /** The digest over the disputes in {@code scope} (those routed to one channel). */
  public DigestData digest(
      Instant from, Instant to, Duration dueWindow, int linesPerSection, DisputeScope scope) {
    Objects.requireNonNull(from, "from");
    return db.read(
        c -> {
          Map<String, DigestSql.SectionSql> s = DigestSql.sections(from, to, dueWindow, scope);
          return new DigestData(
              from,
              to,
              section(c, s.get(DigestSql.NEW), linesPerSection),
              section(c, s.get(DigestSql.DUE), linesPerSection),
              section(c, s.get(DigestSql.UNASSIGNED), linesPerSection),
              section(c, s.get(DigestSql.RESOLVED), linesPerSection),
              StatsSql.atRisk(c, scope),
              StatsSql.overdue(c, to, scope));
        });
  }

  /**
   * SQLite's {@code EXPLAIN QUERY PLAN} of every statement behind {@link #stats}, {@link #report}
   * and {@link #digest} for the period, by statement name: evidence that they read indexes.
   */
  public Map<String, String> explainStatsAndDigest(Instant from, Instant to) {
    Map<String, QueryPlans.Statement> statements = QueryPlans.statsAndDigest(from, to);
    return db.read(c -> QueryPlans.explain(c, statements));
  }

  /**
   * Streams every dispute created at or after {@code createdFrom} (all when null), oldest first,
   * with outcome and owner, one row at a time.
   */
  public void export(Instant createdFrom, Consumer<DisputeLine> sink) {
    Where where =
        createdFrom == null ? new Where() : new Where().and("d.create_time >= ?", createdFrom);
    db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  LineSql.SELECT
                      + LineSql.FROM
                      + where.sql()
                      + " ORDER BY d.create_time, d.dispute_id")) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                sink.accept(LineSql.line(rs));
              }
            }
          }
          return null;
        });
  }

  private static DigestData.Section section(Connection c, DigestSql.SectionSql s, int limit)
      throws SQLException {
    Where where = s.where();
    List<DisputeLine> lines = lines(c, where, s.order() + " LIMIT ?", limit);
    long total = lines.size() < limit ? lines.size() : count(c, where);
    return new DigestData.Section(lines, total);
  }

  /**
   * The lines {@code where} matches, in the order and limits {@code tail} gives, whose parameters
   * {@code more} binds after the condition's.
   */
  private static List<DisputeLine> lines(Connection c, Where where, String tail, Object... more)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(LineSql.SELECT + LineSql.FROM + where.sql() + tail)) {
      Where.bind(ps, where.bind(ps, 1), List.of(more));
      return LineSql.lines(ps);
    }
  }

  private static long count(Connection c, ListFilter filter, Instant now) throws SQLException {
    return count(c, LineSql.where(filter, now));
  }

  private static long count(Connection c, Where where) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*)" + LineSql.FROM_COUNTED + where.sql())) {
      where.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
