package io.disputedesk.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** When the bot polls, sends its digest and reminds people of deadlines. */
public record Schedule(
    Duration pollInterval,
    LocalTime digestTime,
    ZoneId digestZone,
    boolean digestWeekdaysOnly,
    List<Duration> reminderThresholds) {
  public Schedule {
    reminderThresholds = List.copyOf(reminderThresholds);
  }
}
