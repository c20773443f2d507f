package io.disputedesk.insights;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * When the weekly report goes out: a weekday ({@code REPORT_DAY}) at the digest's time and zone.
 */
public record ReportSettings(DayOfWeek day, LocalTime time, ZoneId zone) {
  public ReportSettings {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
  }

  /** The Quartz cron expression, e.g. {@code 0 0 9 ? * MON}. */
  public String cron() {
    return time.getSecond()
        + " "
        + time.getMinute()
        + " "
        + time.getHour()
        + " ? * "
        + day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
  }
}
