package io.disputedesk.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Reads the {@link Schedule} settings: poll, digest, report day and reminders. */
final class ScheduleReader {
  private static final Duration MIN_POLL = Duration.ofSeconds(10);

  private ScheduleReader() {}

  /** The schedule, or null when a setting of it is wrong (its problem is added). */
  static Schedule read(SettingReader settings) {
    Duration poll =
        settings.parse(
            "POLL_INTERVAL",
            "PT2M",
            Duration::parse,
            "POLL_INTERVAL must be an ISO-8601 duration such as PT2M or PT30S");
    if (poll != null) {
      settings.check(
          poll.compareTo(MIN_POLL) >= 0,
          "POLL_INTERVAL must be at least PT10S (PayPal asks integrators not to poll heavily)");
    }
    LocalTime digestTime =
        settings.parse(
            "DIGEST_TIME",
            "09:00",
            LocalTime::parse,
            "DIGEST_TIME must be a time of day like 09:00");
    ZoneId zone =
        settings.parse(
            "DIGEST_TIMEZONE",
            "UTC",
            ZoneId::of,
            "DIGEST_TIMEZONE must be an IANA time zone such as Europe/Berlin or America/New_York");
    Boolean weekdaysOnly =
        settings.parse(
            "DIGEST_WEEKDAYS_ONLY",
            "false",
            ScheduleReader::bool,
            "DIGEST_WEEKDAYS_ONLY must be true or false");
    DayOfWeek reportDay =
        settings.parse(
            "REPORT_DAY",
            "MONDAY",
            ScheduleReader::weekday,
            "REPORT_DAY must be a day of the week such as MONDAY or FRIDAY");
    List<Duration> reminders =
        settings.parse(
            "REMINDER_THRESHOLDS",
            "72h,24h,4h",
            ScheduleReader::hoursList,
            "REMINDER_THRESHOLDS must be a comma-separated list of hours such as 72h,24h,4h");
    if (poll == null
        || digestTime == null
        || zone == null
        || weekdaysOnly == null
        || reportDay == null
        || reminders == null) {
      return null;
    }
    return new Schedule(poll, digestTime, zone, weekdaysOnly, reminders, reportDay);
  }

  private static Boolean bool(String v) {
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.valueOf(v.toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException(v);
  }

  /** MONDAY, Monday or mon. */
  private static DayOfWeek weekday(String v) {
    String day = v.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(day) || (day.length() == 3 && d.name().startsWith(day))) {
        return d;
      }
    }
    throw new IllegalArgumentException(v);
  }

  private static List<Duration> hoursList(String v) {
    List<Duration> out = new ArrayList<>();
    for (String part : v.split(",")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (!p.matches("\\d+h")) {
        throw new DateTimeParseException("not hours", p, 0);
      }
      out.add(Duration.ofHours(Long.parseLong(p.substring(0, p.length() - 1))));
    }
    out.sort(Comparator.reverseOrder());
    return out;
  }
}
