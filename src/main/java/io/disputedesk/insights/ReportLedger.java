package io.disputedesk.insights;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Records weekly reports so that each channel gets one per report day, whatever the restarts and
 * replicas.
 */
public final class ReportLedger {
  private final Database db;

  public ReportLedger(Database db) {
    this.db = db;
  }

  /**
   * True for the one caller that may send the channel's report of {@code date}; false when claimed
   * before.
   */
  public boolean claim(
      String channel, LocalDate date, Instant coveredFrom, Instant coveredTo, Instant sentAt) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO reports_sent (channel, report_date, covered_from, covered_to, sent_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, channel);
            ps.setString(2, date.toString());
            Jdbc.setInstant(ps, 3, coveredFrom);
            Jdbc.setInstant(ps, 4, coveredTo);
            Jdbc.setInstant(ps, 5, sentAt);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Whether the channel's report of {@code date} was claimed (a cheap check before rendering one).
   */
  public boolean claimed(String channel, LocalDate date) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM reports_sent WHERE channel = ? AND report_date = ?")) {
            ps.setString(1, channel);
            ps.setString(2, date.toString());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }
}
