package io.disputedesk.slack;

import java.time.Duration;
import java.time.Instant;

/** How pressing a seller response deadline is, and how to say so. */
public enum Urgency {
  OVERDUE(":red_circle:", "Overdue"),
  UNDER_24_HOURS(":large_orange_circle:", "Under 24 h"),
  UNDER_3_DAYS(":large_yellow_circle:", "Under 3 days"),
  DAYS_LEFT(":white_circle:", "Days left"),
  NO_DEADLINE("", "No deadline");

  private final String emoji;
  private final String label;

  Urgency(String emoji, String label) {
    this.emoji = emoji;
    this.label = label;
  }

  public String emoji() {
    return emoji;
  }

  public String label() {
    return label;
  }

  public static Urgency of(Instant due, Instant now) {
    if (due == null) {
      return NO_DEADLINE;
    }
    Duration left = Duration.between(now, due);
    if (left.isNegative() || left.isZero()) {
      return OVERDUE;
    }
    if (left.compareTo(Duration.ofHours(24)) < 0) {
      return UNDER_24_HOURS;
    }
    if (left.compareTo(Duration.ofDays(3)) < 0) {
      return UNDER_3_DAYS;
    }
    return DAYS_LEFT;
  }

  /** For example "Overdue by 2 days", "Under 24 h: 5 h left", "6 days left"; "No deadline". */
  public static String describe(Instant due, Instant now) {
    Urgency urgency = of(due, now);
    return switch (urgency) {
      case NO_DEADLINE -> urgency.label;
      case OVERDUE -> "Overdue by " + span(Duration.between(due, now));
      case UNDER_24_HOURS, UNDER_3_DAYS -> urgency.label + ": " + span(Duration.between(now, due)) + " left";
      case DAYS_LEFT -> span(Duration.between(now, due)) + " left";
    };
  }

  /** A rough span: "2 days 4 h", "5 h", "40 min". */
  static String span(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    if (days >= 3) {
      return days + " days";
    }
    if (days > 0) {
      return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h";
    }
    return Math.max(1, minutes) + " min";
  }
}
