package io.disputedesk.paypal;

import java.util.regex.Pattern;

/** Argument checks that mirror PayPal's request schema, so bad input fails before any call. */
final class Check {
  /** PayPal's limit for notes and messages. */
  static final int NOTE_MAX = 2000;

  private Check() {}

  /** Required text of 1..max characters, not blank. */
  static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(field + " is longer than " + max + " characters");
    }
    return value;
  }

  /** Optional text: null, or 1..max characters and not blank. */
  static String optionalText(String field, String value, int max) {
    return value == null ? null : text(field, value, max);
  }

  /** Required value matching {@code pattern}. */
  static String matches(String field, String value, Pattern pattern, int max) {
    text(field, value, max);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " has characters PayPal does not accept");
    }
    return value;
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /** Required enum value other than the {@code UNKNOWN} used for reading unknown values. */
  static <E extends Enum<E>> E known(String field, E value) {
    required(field, value);
    if (value.name().equals("UNKNOWN")) {
      throw new IllegalArgumentException(field + " must not be UNKNOWN");
    }
    return value;
  }

  static <E extends Enum<E>> E optionalKnown(String field, E value) {
    return value == null ? null : known(field, value);
  }
}
