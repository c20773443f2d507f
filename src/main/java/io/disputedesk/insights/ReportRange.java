package io.disputedesk.insights;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods a report can cover, as {@code /disputes report} names them. Calendar edges (week,
 * quarter) are in the report's zone, the digest zone.
 */
public enum ReportRange {
  /** The 30 days up to now. */
  LAST_30_DAYS("30d"),
  /** The 90 days up to now. */
  LAST_90_DAYS("90d"),
  /**
   * The 12 complete weeks (Monday to Monday) before the current one: the weekly report's period.
   */
  LAST_12_WEEKS("12w"),
  /** From the first day of the current calendar quarter up to now. */
  THIS_QUARTER("this-quarter");

  private final String word;

  ReportRange(String word) {
    this.word = word;
  }

  /** What the command calls it: {@code 30d}, {@code 90d}, {@code 12w}, {@code this-quarter}. */
  public String word() {
    return word;
  }

  /** The range a command word names (any case), if any. */
  public static Optional<ReportRange> of(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.word.equals(w)).findFirst();
  }

  /** The period this range covers at {@code now} in {@code zone}. */
  public ReportPeriod at(Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    return switch (this) {
      case LAST_30_DAYS ->
          new ReportPeriod(word, "Last 30 days", now.minus(Duration.ofDays(30)), now, zone);
      case LAST_90_DAYS ->
          new ReportPeriod(word, "Last 90 days", now.minus(Duration.ofDays(90)), now, zone);
      case LAST_12_WEEKS -> {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new ReportPeriod(
            word,
            "Last 12 weeks",
            monday.minusWeeks(12).atStartOfDay(zone).toInstant(),
            monday.atStartOfDay(zone).toInstant(),
            zone);
      }
      case THIS_QUARTER -> {
        LocalDate first = today.with(IsoFields.DAY_OF_QUARTER, 1);
        yield new ReportPeriod(
            word,
            "This quarter (Q" + today.get(IsoFields.QUARTER_OF_YEAR) + " " + today.getYear() + ")",
            first.atStartOfDay(zone).toInstant(),
            now,
            zone);
      }
    };
  }
}
