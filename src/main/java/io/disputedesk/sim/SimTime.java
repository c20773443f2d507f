package io.disputedesk.sim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PayPal's time formats: RFC 3339 with milliseconds in bodies, whole seconds in webhook headers.
 */
final class SimTime {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** The spec's own pattern for date-time query parameters. */
  private static final Pattern RFC3339 =
      Pattern.compile(
          "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])[Tt]([0-1][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
              + "([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$");

  private SimTime() {}

  static String format(Instant instant) {
    return MILLIS.format(instant);
  }

  static String formatSeconds(Instant instant) {
    return SECONDS.format(instant);
  }

  static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Parses an RFC 3339 time as PayPal accepts it, or empty when it does not match. */
  static Optional<Instant> parse(String text) {
    if (text == null
        || text.length() < 20
        || text.length() > 64
        || !RFC3339.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(text.replace('t', 'T').replace('z', 'Z')).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
