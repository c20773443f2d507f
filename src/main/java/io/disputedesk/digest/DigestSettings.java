package io.disputedesk.digest;

import io.disputedesk.config.Schedule;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** When the digest goes out: a local time in a zone, optionally on weekdays only. */
public record DigestSettings(LocalTime time, ZoneId zone, boolean weekdaysOnly) {
  public DigestSettings {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
  }

  public static DigestSettings of(Schedule schedule) {
    return new DigestSettings(
        schedule.digestTime(), schedule.digestZone(), schedule.digestWeekdaysOnly());
  }

  /**
   * The Quartz cron expression for the time (seconds first; {@code MON-FRI} when weekdays only).
   */
  public String cron() {
    return time.getSecond()
        + " "
        + time.getMinute()
        + " "
        + time.getHour()
        + (weekdaysOnly ? " ? * MON-FRI" : " * * ?");
  }
}
