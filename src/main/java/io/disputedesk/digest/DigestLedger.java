package io.disputedesk.digest;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import io.disputedesk.store.PeriodClaims;
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
  private final PeriodClaims claims;

  public DigestLedger(Database db) {
    this.db = db;
    this.claims = new PeriodClaims(db, "digests_sent", "digest_date");
  }

  /** True for the one caller that may send this day's digest; false when it was claimed before. */
  public boolean claim(
      String channel, LocalDate date, Instant coveredFrom, Instant coveredTo, Instant sentAt) {
    return claims.claim(channel, date, coveredFrom, coveredTo, sentAt);
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
