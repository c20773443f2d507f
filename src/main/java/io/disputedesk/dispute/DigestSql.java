package io.disputedesk.dispute;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The digest's four list sections as conditions and orders, each an index range. */
final class DigestSql {
  static final String NEW = "new";
  static final String DUE = "due";
  static final String UNASSIGNED = "unassigned";
  static final String RESOLVED = "resolved";

  /** A section's condition and order. */
  record SectionSql(Where where, String order) {}

  private DigestSql() {}

  static Map<String, SectionSql> sections(Instant from, Instant to, Duration dueWindow) {
    return sections(from, to, dueWindow, DisputeScope.everything());
  }

  /** The sections over the disputes in {@code scope} (a channel's routes). */
  static Map<String, SectionSql> sections(
      Instant from, Instant to, Duration dueWindow, DisputeScope scope) {
    Map<String, SectionSql> sections = new LinkedHashMap<>();
    sections.put(
        NEW,
        new SectionSql(
            new Where()
                .and("d.first_seen_at > ? AND d.first_seen_at <= ?", from, to)
                // A dispute first seen already resolved (an import of old ones) is not news.
                .and("(d.resolved_at IS NULL OR d.resolved_at > ?)", from),
            " ORDER BY d.first_seen_at, d.dispute_id"));
    sections.put(
        DUE,
        new SectionSql(
            SnoozeSql.awake(
                new Where()
                    .and(
                        "d.status = ? AND d.seller_due > ? AND d.seller_due <= ?",
                        LineSql.WAITING_SELLER,
                        to,
                        to.plus(dueWindow)),
                to),
            " ORDER BY d.seller_due, d.dispute_id"));
    sections.put(
        UNASSIGNED,
        new SectionSql(
            LineSql.where(ListFilter.of(DisputeView.UNASSIGNED), to),
            LineSql.orderBy(DisputeView.UNASSIGNED)));
    sections.put(
        RESOLVED,
        new SectionSql(
            new Where()
                .and(
                    "d.resolved_at IS NOT NULL AND d.resolved_at > ? AND d.resolved_at <= ?",
                    from,
                    to),
            " ORDER BY d.resolved_at, d.dispute_id"));
    sections.values().forEach(section -> scope.narrow(section.where()));
    return sections;
  }
}
