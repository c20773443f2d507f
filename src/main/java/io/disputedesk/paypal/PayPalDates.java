package io.disputedesk.paypal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Dates in the reporting and tracking APIs. PayPal writes offsets both as {@code +00:00} and as
 * {@code +0000}, so they are read leniently; one that cannot be read is absent, never an error.
 */
final class PayPalDates {
  /** RFC 3339 with whole seconds and {@code Z}, as the spec's query parameters require. */
  private static final DateTimeFormatter QUERY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter LENIENT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private PayPalDates() {}

  /** {@code 2026-11-03T10:00:00Z}: seconds always written, fractions never. */
  static String query(Instant instant) {
    return QUERY.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.endsWith("z")) {
      t = t.substring(0, t.length() - 1) + "Z";
    }
    try {
      return Optional.of(OffsetDateTime.parse(t, LENIENT).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A date-only value ({@code 2026-11-03}), or the date part of a date-time. */
  static Optional<LocalDate> date(String text) {
    if (text == null || text.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip().substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
