package io.disputedesk.store;

import java.time.Instant;

/**
 * Deletes old rows of a table with an {@code id} key in batches, each its own short transaction, so
 * a large first prune never holds the write lock for long.
 */
public final class Prune {
  static final int BATCH = 5_000;

  private Prune() {}

  /**
   * Deletes the rows of {@code table} matching {@code condition}, whose one parameter is bound to
   * {@code before}; returns how many. Table and condition are constants of the caller, never input.
   */
  public static int olderThan(Database db, String table, String condition, Instant before) {
    String sql =
        "DELETE FROM "
            + table
            + " WHERE id IN (SELECT id FROM "
            + table
            + " WHERE "
            + condition
            + " LIMIT "
            + BATCH
            + ")";
    int total = 0;
    while (true) {
      int deleted = db.update(sql, ps -> Jdbc.setInstant(ps, 1, before));
      total += deleted;
      if (deleted < BATCH) {
        return total;
      }
    }
  }
}
