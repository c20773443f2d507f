package io.disputedesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ledger of posts made once per channel and period (a day's digest, a week's report): a post's
 * row is claimed before it is sent, so one caller sends it whatever the restarts and replicas. The
 * table has the columns {@code channel}, the period's local date, {@code covered_from}, {@code
 * covered_to} and {@code sent_at}, with (channel, date) as its key.
 */
public final class PeriodClaims {
  private final Database db;
  private final String insert;
  private final String exists;

  /**
   * Claims in {@code table}, whose date column is {@code dateColumn}; both are constants of the
   * caller, never input.
   */
  public PeriodClaims(Database db, String table, String dateColumn) {
    this.db = db;
    this.insert =
        "INSERT INTO "
            + table
            + " (channel, "
            + dateColumn
            + ", covered_from, covered_to, sent_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    this.exists = "SELECT 1 FROM " + table + " WHERE channel = ? AND " + dateColumn + " = ?";
  }

  /**
   * True for the one caller that may send the channel's post of {@code date}; false when it was
   * claimed before.
   */
  public boolean claim(
      String channel, LocalDate date, Instant coveredFrom, Instant coveredTo, Instant sentAt) {
    return db.updateOne(
        insert,
        ps -> {
          ps.setString(1, channel);
          ps.setString(2, date.toString());
          Jdbc.setInstant(ps, 3, coveredFrom);
          Jdbc.setInstant(ps, 4, coveredTo);
          Jdbc.setInstant(ps, 5, sentAt);
        });
  }

  /**
   * Whether the channel's post of {@code date} was claimed (a cheap check before rendering one).
   */
  public boolean claimed(String channel, LocalDate date) {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(exists)) {
            ps.setString(1, channel);
            ps.setString(2, date.toString());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }
}
