package io.disputedesk.slack.actions;

import com.slack.api.model.File;
import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a modal's inputs pass before anything is sent to PayPal; each returns the text to
 * show.
 */
final class Checks {
  static final int NOTE_MAX = 2000;
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
  static final Set<String> FILE_TYPES = Set.of("jpg", "jpeg", "gif", "png", "pdf");
  private static final Pattern NUMBER = Pattern.compile("^[0-9]+(\\.[0-9]+)?$");
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s]+@[^\"\\-\\s@][^\\s@]*\\.[^\\s@.]+$");

  private Checks() {}

  /** A parsed amount, or the reason it is not one. */
  record Amount(Money money, String error) {
    boolean ok() {
      return error == null;
    }
  }

  /**
   * An amount in {@code currency}: a plain positive number with no more decimals than the currency
   * allows (JPY none) and not above {@code max} (nullable).
   */
  static Amount amount(Optional<String> typed, String currency, Money max) {
    if (typed.isEmpty()) {
      return new Amount(null, "Enter an amount.");
    }
    String text = typed.get().replace(" ", "");
    if (text.regionMatches(true, 0, currency, 0, currency.length())) {
      text = text.substring(currency.length());
    }
    if (!NUMBER.matcher(text).matches()) {
      return new Amount(null, "Enter the amount as a number, like " + example(currency) + ".");
    }
    BigDecimal value = new BigDecimal(text);
    if (value.signum() <= 0) {
      return new Amount(null, "The amount must be more than zero.");
    }
    int scale = Money.scaleOf(currency);
    if (value.stripTrailingZeros().scale() > scale) {
      return new Amount(
          null,
          scale == 0
              ? currency + " amounts have no decimals."
              : "Use at most " + scale + " decimals for " + currency + ".");
    }
    Money money = new Money(currency, value.setScale(scale, RoundingMode.UNNECESSARY));
    if (max != null && max.currencyCode().equals(currency) && value.compareTo(max.value()) > 0) {
      return new Amount(null, "PayPal allows at most " + max.display() + " here.");
    }
    return new Amount(money, null);
  }

  /**
   * An email address as PayPal takes one, with a dot in its domain: {@code disputes@shop.example}.
   */
  static boolean email(String text) {
    return text.length() <= 254 && EMAIL.matcher(text.strip()).matches();
  }

  /** A note or message: required or not, and at most {@link #NOTE_MAX} characters. */
  static String note(Optional<String> text, boolean required, String what) {
    if (text.isEmpty()) {
      return required ? "Write " + what + "." : null;
    }
    int length = text.get().codePointCount(0, text.get().length());
    if (length > NOTE_MAX) {
      return "Keep it to "
          + String.format(Locale.ROOT, "%,d", NOTE_MAX)
          + " characters (now "
          + String.format(Locale.ROOT, "%,d", length)
          + ").";
    }
    return null;
  }

  /** Files for PayPal: JPG, JPEG, GIF, PNG or PDF, each under 10 MB, under 50 MB together. */
  static String files(List<File> files) {
    long total = 0;
    for (File f : files) {
      String type = fileType(f);
      if (!FILE_TYPES.contains(type)) {
        return name(f) + " is not a JPG, GIF, PNG or PDF file; PayPal takes only those.";
      }
      long size = f.getSize() == null ? 0 : f.getSize();
      if (size >= MAX_FILE_BYTES) {
        return name(f) + " is 10 MB or more; PayPal takes files under 10 MB.";
      }
      total += size;
    }
    if (total >= MAX_TOTAL_BYTES) {
      return "The files add up to 50 MB or more; PayPal takes under 50 MB per submission.";
    }
    return null;
  }

  static String fileType(File f) {
    String name = f.getName() == null ? "" : f.getName();
    int dot = name.lastIndexOf('.');
    String byName = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!byName.isEmpty()) {
      return byName;
    }
    return f.getFiletype() == null ? "" : f.getFiletype().toLowerCase(Locale.ROOT);
  }

  private static String name(File f) {
    return f.getName() == null ? "A file" : f.getName();
  }

  private static String example(String currency) {
    return Money.scaleOf(currency) == 0 ? "2500" : "23.50";
  }
}
