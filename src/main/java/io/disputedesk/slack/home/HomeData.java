package io.disputedesk.slack.home;

import io.disputedesk.dispute.CurrencyTotal;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.PersonalStats;
import io.disputedesk.dispute.Snooze;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one person's Home tab shows: their numbers, four lists (a page each, with totals), the
 * amounts at risk, the bot's health, and the sleeping snoozes of the disputes listed (by dispute
 * id).
 */
record HomeData(
    PersonalStats personal,
    Page queue,
    Page due,
    Page unassigned,
    Page buyer,
    List<CurrencyTotal> atRisk,
    long overdue,
    Health health,
    Map<String, Snooze> snoozed) {

  HomeData {
    snoozed = Map.copyOf(snoozed);
  }

  /** A page of a list starting at {@code offset}, out of {@code total}. */
  record Page(List<DisputeLine> lines, long total, int offset) {}

  /** The last successful PayPal poll, and the last error with its time (each may be null). */
  record Health(Instant lastSuccess, String lastError, Instant lastErrorAt) {}
}
