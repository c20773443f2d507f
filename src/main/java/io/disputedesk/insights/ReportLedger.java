package io.disputedesk.insights;

import io.disputedesk.store.Database;
import io.disputedesk.store.PeriodClaims;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Records weekly reports so that each channel gets one per report day, whatever the restarts and
 * replicas.
 */
public final class ReportLedger {
  private final PeriodClaims claims;

  public ReportLedger(Database db) {
    this.claims = new PeriodClaims(db, "reports_sent", "report_date");
  }

  /**
   * True for the one caller that may send the channel's report of {@code date}; false when claimed
   * before.
   */
  public boolean claim(
      String channel, LocalDate date, Instant coveredFrom, Instant coveredTo, Instant sentAt) {
    return claims.claim(channel, date, coveredFrom, coveredTo, sentAt);
  }

  /**
   * Whether the channel's report of {@code date} was claimed (a cheap check before rendering one).
   */
  public boolean claimed(String channel, LocalDate date) {
    return claims.claimed(channel, date);
  }
}
