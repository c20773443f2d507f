package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.Money;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The SQL shared by the dispute read queries: the line columns, the open-status test, filters. */
final class LineSql {
  static final String WAITING_SELLER = DisputeStatus.WAITING_FOR_SELLER_RESPONSE.name();

  /**
   * {@code d.status IN (…every status but RESOLVED…)}: an index range on status, unlike {@code <>}.
   */
  static final String IS_OPEN =
      "d.status IN ("
          + Arrays.stream(DisputeStatus.values())
              .filter(s -> s != DisputeStatus.RESOLVED)
              .map(s -> "'" + s.name() + "'")
              .collect(Collectors.joining(", "))
          + ")";

  static final String SELECT =
      "SELECT d.dispute_id, d.reason, d.status, d.stage, d.amount_minor,"
          + " d.currency, d.create_time, d.seller_due, d.buyer_due, d.first_seen_at, d.first_action_at,"
          + " d.resolved_at, d.outcome_code, d.refunded_minor, a.user_id AS owner,"
          + " c.channel AS card_channel, c.ts AS card_ts, d.account";

  static final String FROM =
      " FROM disputes d"
          + " LEFT JOIN assignments a ON a.dispute_id = d.dispute_id"
          // The dispute's first card still routed (or its first at all): one line per dispute.
          + " LEFT JOIN slack_cards c ON c.dispute_id = d.dispute_id AND c.channel = (SELECT c2.channel"
          + " FROM slack_cards c2 WHERE c2.dispute_id = d.dispute_id"
          + " ORDER BY c2.routed DESC, c2.posted_at, c2.channel LIMIT 1)";

  /** For counts: the card is not needed, the owner may be (unassigned, mine). */
  static final String FROM_COUNTED =
      " FROM disputes d LEFT JOIN assignments a ON a.dispute_id = d.dispute_id";

  /** The currencies {@link Money#scaleOf} gives no decimals; every other one has two. */
  static final Set<String> ZERO_DECIMAL = Set.of("JPY", "HUF", "TWD");

  private LineSql() {}

  /** The conditions of a list filter. */
  static Where where(ListFilter f, Instant now) {
    Where w = new Where();
    switch (f.view()) {
      case OPEN -> w.and(IS_OPEN);
      case DUE ->
          SnoozeSql.awake(
              w.and("d.status = ? AND d.seller_due <= ?", WAITING_SELLER, now.plus(f.dueWithin())),
              now);
      case MINE -> w.and(IS_OPEN).and("a.user_id = ?", f.ownerUserId());
      case UNASSIGNED -> w.and(IS_OPEN).and("a.dispute_id IS NULL");
      case WAITING_BUYER -> w.and("d.status = ?", DisputeStatus.WAITING_FOR_BUYER_RESPONSE.name());
      case RESOLVED ->
          w.and("d.status = ?", DisputeStatus.RESOLVED.name()).and("d.resolved_at IS NOT NULL");
    }
    for (DisputeView left : f.except()) {
      switch (left) {
        case MINE -> w.and("(a.user_id IS NULL OR a.user_id <> ?)", f.ownerUserId());
        // A snoozed dispute is not in the due list, so a list that leaves that one out shows it.
        case DUE ->
            w.and(
                "NOT (d.status = ? AND d.seller_due IS NOT NULL AND d.seller_due <= ? AND "
                    + SnoozeSql.AWAKE
                    + ")",
                WAITING_SELLER,
                now.plus(f.dueWithin()),
                now,
                now.plus(Snooze.DEADLINE_WAKES));
        case UNASSIGNED -> w.and("a.dispute_id IS NOT NULL");
        default -> throw new IllegalArgumentException("cannot leave out " + left);
      }
    }
    FilterSql.narrow(w, f.filter());
    return w;
  }

  static String orderBy(DisputeView view) {
    return switch (view) {
      case RESOLVED -> " ORDER BY d.resolved_at DESC, d.dispute_id";
      case WAITING_BUYER -> " ORDER BY d.buyer_due IS NULL, d.buyer_due, d.dispute_id";
      default -> " ORDER BY d.seller_due IS NULL, d.seller_due, d.dispute_id";
    };
  }

  static List<DisputeLine> lines(PreparedStatement ps) throws SQLException {
    return Jdbc.list(ps, LineSql::line);
  }

  /** The one place a line's stored text becomes its values. */
  static DisputeLine line(ResultSet rs) throws SQLException {
    String reason = rs.getString("reason");
    String status = rs.getString("status");
    String stage = rs.getString("stage");
    String outcome = rs.getString("outcome_code");
    String currency = rs.getString("currency");
    return new DisputeLine(
        rs.getString("dispute_id"),
        StoredNames.reason(reason),
        StoredNames.status(status),
        StoredNames.stage(stage),
        money(Jdbc.getLong(rs, "amount_minor"), currency),
        Jdbc.getInstant(rs, "create_time"),
        Jdbc.getInstant(rs, "seller_due"),
        Jdbc.getInstant(rs, "buyer_due"),
        Jdbc.getInstant(rs, "first_seen_at"),
        Jdbc.getInstant(rs, "first_action_at"),
        Jdbc.getInstant(rs, "resolved_at"),
        Resolution.read(outcome),
        money(Jdbc.getLong(rs, "refunded_minor"), currency),
        rs.getString("owner"),
        rs.getString("card_channel"),
        rs.getString("card_ts"),
        rs.getString("account"),
        new DisputeLine.Codes(reason, status, stage, outcome));
  }

  /** An amount stored in minor units of the dispute's currency; null when either is missing. */
  private static Money money(Long minor, String currency) {
    return minor == null || currency == null ? null : Money.ofMinor(minor, currency);
  }

  /** {@code 'A', 'B'} for a fixed set of enum names (never user input). */
  static String literals(Set<String> names) {
    return names.stream().sorted().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }
}
