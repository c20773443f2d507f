package io.disputedesk.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * When the bot polls, sends its digest, reminds people of deadlines and posts the weekly report (on
 * {@code reportDay} at the digest time and zone).
 */
public record Schedule(
    Duration pollInterval,
    LocalTime digestTime,
    ZoneId digestZone,
    boolean digestWeekdaysOnly,
    List<Duration> reminderThresholds,
    DayOfWeek reportDay) {
  public Schedule {
    reminderThresholds = List.copyOf(reminderThresholds);
  }
}
