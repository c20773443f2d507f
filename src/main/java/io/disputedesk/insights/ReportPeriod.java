package io.disputedesk.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A report's period {@code [from, to)} in a zone, with its short name for file names ({@code 90d},
 * {@code this-quarter}) and the title people read ("Last 90 days").
 */
public record ReportPeriod(String slug, String title, Instant from, Instant to, ZoneId zone) {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  public ReportPeriod {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a report period ends before it starts");
    }
  }

  /** The last {@code days} days up to {@code to} (an export's period). */
  public static ReportPeriod lastDays(int days, Instant to, ZoneId zone) {
    return new ReportPeriod(
        days + "d", "Last " + days + " days", to.minus(Duration.ofDays(days)), to, zone);
  }

  /** From {@code from} up to {@code to} (an export of everything). */
  public static ReportPeriod since(Instant from, Instant to, ZoneId zone) {
    return new ReportPeriod("all", "All disputes", from.isAfter(to) ? to : from, to, zone);
  }

  /** The days the period covers, e.g. {@code 24 Aug 2026 – 22 Nov 2026} (the last day included). */
  public String dates() {
    Instant last = to.equals(from) ? to : to.minusMillis(1);
    return DAY.format(from.atZone(zone)) + " – " + DAY.format(last.atZone(zone));
  }
}
