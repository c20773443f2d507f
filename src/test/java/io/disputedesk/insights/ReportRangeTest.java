package io.disputedesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The command's periods, the weekly report's cron, and file names. */
class ReportRangeTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Wednesday 18 November 2026, 15:00 in Berlin. */
  private static final Instant NOW = Instant.parse("2026-11-18T14:00:00Z");

  @Test
  void eachRangeCoversItsPeriodInTheZone() {
    assertThat(ReportRange.LAST_30_DAYS.at(NOW, BERLIN).from())
        .isEqualTo(Instant.parse("2026-10-19T14:00:00Z"));
    assertThat(ReportRange.LAST_90_DAYS.at(NOW, BERLIN).to()).isEqualTo(NOW);
    ReportPeriod weeks = ReportRange.LAST_12_WEEKS.at(NOW, BERLIN);
    // Monday 16 Nov 00:00 in Berlin (UTC+1), and twelve Mondays before it (24 Aug, UTC+2).
    assertThat(weeks.to()).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
    assertThat(weeks.from()).isEqualTo(Instant.parse("2026-08-23T22:00:00Z"));
    assertThat(weeks.dates()).isEqualTo("24 Aug 2026 – 15 Nov 2026");
    ReportPeriod quarter = ReportRange.THIS_QUARTER.at(NOW, BERLIN);
    assertThat(quarter.from()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(quarter.title()).isEqualTo("This quarter (Q4 2026)");
  }

  @Test
  void commandWordsInAnyCaseAndNothingElse() {
    assertThat(ReportRange.of("12W")).contains(ReportRange.LAST_12_WEEKS);
    assertThat(ReportRange.of("This-Quarter")).contains(ReportRange.THIS_QUARTER);
    assertThat(ReportRange.of("7d")).isEmpty();
  }

  @Test
  void theWeeklyCronNamesTheDayAndTime() {
    assertThat(new ReportSettings(DayOfWeek.MONDAY, LocalTime.of(9, 0), BERLIN).cron())
        .isEqualTo("0 0 9 ? * MON");
    assertThat(new ReportSettings(DayOfWeek.FRIDAY, LocalTime.of(17, 30), BERLIN).cron())
        .isEqualTo("0 30 17 ? * FRI");
  }
}
