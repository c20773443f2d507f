package io.disputedesk.digest;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Records digests so each channel gets one per local day, and the next covers from where the last
 * ended.
 */
public final class DigestLedger {
  private final Database db;

  public DigestLedger(Database db) {
    this.db = db;
  }

  /** True for the one caller that may send this day's digest; false when it was claimed before. */
  public boolean claim(
      String channel, LocalDate date, Instant coveredFrom, Instant coveredTo, Instant sentAt) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO digests_sent (channel, digest_date, covered_from, covered_to, sent_at)"
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

  /** The end of the period the channel's latest digest covered. */
  public Optional<Instant> lastCoveredTo(String channel) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT MAX(covered_to) AS covered_to FROM digests_sent WHERE channel = ?")) {
            ps.setString(1, channel);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.ofNullable(Jdbc.getInstant(rs, "covered_to"))
                  : Optional.empty();
            }
          }
        });
  }
}
