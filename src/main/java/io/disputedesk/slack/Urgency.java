package io.disputedesk.slack;

import io.disputedesk.dispute.Words;
import java.time.Duration;
import java.time.Instant;

/** How pressing a seller response deadline is, shown as the same coloured dot on every surface. */
public enum Urgency {
  OVERDUE(":red_circle:"),
  UNDER_24_HOURS(":large_orange_circle:"),
  UNDER_3_DAYS(":large_yellow_circle:"),
  DAYS_LEFT(":white_circle:"),
  NO_DEADLINE("");

  private final String emoji;

  Urgency(String emoji) {
    this.emoji = emoji;
  }

  public String emoji() {
    return emoji;
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

  /**
   * The deadline as every surface says it: the dot, then {@link Times#left}: ":red_circle: Overdue
   * by 2 h".
   */
  public static String deadline(Instant due, Instant now) {
    Urgency urgency = of(due, now);
    String words = Words.left(due, now);
    return urgency == NO_DEADLINE ? words : urgency.emoji + " " + words;
  }
}
