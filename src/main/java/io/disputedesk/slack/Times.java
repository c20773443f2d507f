package io.disputedesk.slack;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way every surface says when: spans ("3 days 23 h left") and moments as Slack's date
 * tokens, which Slack shows in each reader's own time zone ("today 9:40 PM") and which fall back
 * to UTC text ("Thu 3 Dec 2026 21:40 UTC"). A deadline always shows its time of day. Spans are whole
 * units rounded down, so time left is never overstated.
 */
public final class Times {
  /** Slack's token for a date and time, e.g. "today 9:40 PM" or "Dec 3, 2026 9:40 PM". */
  static final String DATE_TIME_TOKEN = "{date_short_pretty} {time}";
  static final String DATE_TOKEN = "{date_short_pretty}";
  static final String TIME_TOKEN = "{time}";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private Times() {}

  /** A span in whole units, rounded down: "3 days 23 h", "1 day", "5 h 10 min", "40 min" (at least 1 min). */
  public static String span(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (mins > 0 ? " " + mins + " min" : "");
    }
    return Math.max(1, mins) + " min";
  }

  /** The time left to a deadline: "3 days 23 h left", "Overdue by 2 h", or "No deadline". */
  public static String left(Instant due, Instant now) {
    if (due == null) {
      return "No deadline";
    }
    Duration left = Duration.between(now, due);
    return left.isNegative() || left.isZero() ? "Overdue by " + span(left.negated()) : span(left) + " left";
  }

  /** How long ago: "just now", "2 min ago", "3 h 5 min ago", "2 days 1 h ago". */
  public static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.toMinutes() < 1 ? "just now" : span(d) + " ago";
  }

  /** A moment with its time of day, in mrkdwn: Slack shows it in the reader's zone; the fallback is UTC. */
  public static String dateTime(Instant at) {
    return token(at, DATE_TIME_TOKEN, utc(at));
  }

  /** A moment as plain text in UTC, to the minute, for logs and health: "Thu 3 Dec 2026 21:40 UTC". */
  public static String utc(Instant at) {
    return DAY.format(at) + " " + HOUR.format(at) + " UTC";
  }

  /** The day alone, in mrkdwn (reader's zone). */
  public static String date(Instant at) {
    return token(at, DATE_TOKEN, DAY.format(at));
  }

  /** The time of day alone, in mrkdwn (reader's zone): "09:21" with the fallback "09:21 UTC". */
  public static String clock(Instant at) {
    return token(at, TIME_TOKEN, HOUR.format(at) + " UTC");
  }

  private static String token(Instant at, String format, String fallback) {
    return "<!date^" + at.getEpochSecond() + "^" + format + "|" + fallback + ">";
  }
}
