package io.disputedesk.insights;

/** What {@link WeeklyReport#sendIfDue} did. */
public enum WeeklyOutcome {
  /** Claimed the report of the day for at least one channel and queued it. */
  SENT,
  /** Every channel's report of the day was claimed before (by this or another instance). */
  ALREADY_SENT,
  /** Today is not the report day. */
  NOT_TODAY,
  /** It is the report day, before the report time. */
  NOT_YET,
  /** Disputes were never read from PayPal yet; the report waits for the first poll. */
  WAITING_FOR_FIRST_POLL
}
