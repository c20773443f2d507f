package io.disputedesk.slack;

import io.disputedesk.dispute.Words;
import java.time.Instant;

/**
 * Moments as Slack's date tokens, which Slack shows in each reader's own time zone ("today 9:40
 * PM") and which fall back to UTC text ("Thu 3 Dec 2026 21:40 UTC"). A deadline always shows its
 * time of day. Spans ("3 days 23 h left") are {@link Words}.
 */
public final class Times {
  /** Slack's token for a date and time, e.g. "today 9:40 PM" or "Dec 3, 2026 9:40 PM". */
  static final String DATE_TIME_TOKEN = "{date_short_pretty} {time}";

  static final String DATE_TOKEN = "{date_short_pretty}";
  static final String TIME_TOKEN = "{time}";

  private Times() {}

  /**
   * A moment with its time of day, in mrkdwn: Slack shows it in the reader's zone; the fallback is
   * UTC.
   */
  public static String dateTime(Instant at) {
    return token(at, DATE_TIME_TOKEN, Words.utc(at));
  }

  /** The day alone, in mrkdwn (reader's zone). */
  public static String date(Instant at) {
    return token(at, DATE_TOKEN, Words.utcDay(at));
  }

  /** The time of day alone, in mrkdwn (reader's zone): "09:21" with the fallback "09:21 UTC". */
  public static String clock(Instant at) {
    return token(at, TIME_TOKEN, Words.utcClock(at) + " UTC");
  }

  private static String token(Instant at, String format, String fallback) {
    return "<!date^" + at.getEpochSecond() + "^" + format + "|" + fallback + ">";
  }
}
