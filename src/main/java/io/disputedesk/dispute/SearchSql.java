package io.disputedesk.dispute;

import java.util.Locale;

/**
 * The search condition: the text, as a case-insensitive substring, in the dispute id, the buyer's
 * name or either transaction id. No index serves a substring, so it reads the disputes table once;
 * a desk holds thousands of disputes, not millions.
 */
final class SearchSql {
  /** Newest first: the dispute a buyer writes about is most often a recent one. */
  static final String ORDER = " ORDER BY d.create_time IS NULL, d.create_time DESC, d.dispute_id";

  private static final String[] COLUMNS = {
    "d.dispute_id", "d.buyer_name", "d.seller_txn_id", "d.buyer_txn_id"
  };

  private SearchSql() {}

  /** The condition matching {@code text} in any searched column, the text bound as parameters. */
  static Where where(String text) {
    String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
    StringBuilder sql = new StringBuilder("(");
    Object[] params = new Object[COLUMNS.length];
    for (int i = 0; i < COLUMNS.length; i++) {
      sql.append(i == 0 ? "" : " OR ")
          .append("lower(")
          .append(COLUMNS[i])
          .append(") LIKE lower(?) ESCAPE '!'");
      params[i] = pattern;
    }
    return new Where().and(sql.append(')').toString(), params);
  }

  /** The text with LIKE's wildcards and the escape character itself made literal. */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
