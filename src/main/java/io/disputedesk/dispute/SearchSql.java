package io.disputedesk.dispute;

import java.util.Locale;

/**
 * The search condition: the text, folded as {@link SearchText} folds it, as a substring of the
 * dispute's stored search text (dispute id, buyer name, transaction ids, invoice numbers). No index
 * serves a substring, so it reads the disputes table once; a desk holds thousands of disputes, not
 * millions.
 */
final class SearchSql {
  /** Newest first: the dispute a buyer writes about is most often a recent one. */
  static final String ORDER = " ORDER BY d.create_time IS NULL, d.create_time DESC, d.dispute_id";

  /**
   * A row whose search text is not filled yet (written before it existed, or by an older replica
   * during a rolling upgrade) is matched as before it: ASCII case only, no invoice numbers.
   */
  private static final String[] UNFILLED_COLUMNS = {
    "d.dispute_id", "d.buyer_name", "d.seller_txn_id", "d.buyer_txn_id"
  };

  private SearchSql() {}

  /** The condition matching {@code text} in any searched field, the text bound as parameters. */
  static Where where(String text) {
    String folded = SearchText.fold(text);
    if (folded.isBlank()) {
      // Only accents or spaces: folded away, it would match every dispute.
      return new Where().and("1 = 0");
    }
    StringBuilder sql =
        new StringBuilder("(d.search_text LIKE ? ESCAPE '!' OR (d.search_text IS NULL AND (");
    Object[] params = new Object[1 + UNFILLED_COLUMNS.length];
    params[0] = "%" + escapeLike(folded) + "%";
    String unfilled = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
    for (int i = 0; i < UNFILLED_COLUMNS.length; i++) {
      sql.append(i == 0 ? "" : " OR ")
          .append("lower(")
          .append(UNFILLED_COLUMNS[i])
          .append(") LIKE lower(?) ESCAPE '!'");
      params[1 + i] = unfilled;
    }
    return new Where().and(sql.append(")))").toString(), params);
  }

  /** The text with LIKE's wildcards and the escape character itself made literal. */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
