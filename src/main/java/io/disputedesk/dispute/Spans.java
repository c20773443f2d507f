package io.disputedesk.dispute;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Spans of time in whole units and moments as UTC text, behind {@link Words}'s time words. */
final class Spans {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Spans() {}

  /** See {@link Words#span}. */
  static String span(Duration d) {
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

  /** See {@link Words#left}. */
  static String left(Instant due, Instant now) {
    if (due == null) {
      return "No deadline";
    }
    Duration left = Duration.between(now, due);
    return left.isNegative() || left.isZero()
        ? "Overdue by " + span(left.negated())
        : span(left) + " left";
  }

  /** See {@link Words#ago}. */
  static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.toMinutes() < 1 ? "just now" : span(d) + " ago";
  }

  /** See {@link Words#utcDay}. */
  static String utcDay(Instant at) {
    return DAY.format(at);
  }

  /** See {@link Words#utcClock}. */
  static String utcClock(Instant at) {
    return HOUR.format(at);
  }
}
