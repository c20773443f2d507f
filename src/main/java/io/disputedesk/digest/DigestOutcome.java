package io.disputedesk.digest;

/** What {@link DigestService#sendIfDue} did. */
public enum DigestOutcome {
  /** Claimed today's digest and queued its messages. */
  SENT,
  /** Today's digest was claimed before (by this or another instance). */
  ALREADY_SENT,
  /** It is before the digest time today. */
  NOT_YET,
  /** Today is a weekend day and digests are for weekdays only. */
  WEEKEND,
  /** Disputes were never read from PayPal yet; the digest waits for the first poll. */
  WAITING_FOR_FIRST_POLL
}
