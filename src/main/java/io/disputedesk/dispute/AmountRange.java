package io.disputedesk.dispute;

import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Bounds on the disputed amount in major units, both inclusive, either open ({@code null}). With a
 * currency it applies to disputes in that currency; without one to every currency a filter does not
 * name, compared in each currency's own minor units (as {@code APPROVAL_THRESHOLD} does).
 */
public record AmountRange(BigDecimal min, BigDecimal max, String currency) {
  public AmountRange {
    if (min == null && max == null) {
      throw new IllegalArgumentException("an amount range needs a bound");
    }
    if ((min != null && min.signum() < 0) || (max != null && max.signum() < 0)) {
      throw new IllegalArgumentException("an amount cannot be negative");
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("the lower bound is above the upper one");
    }
  }

  /** At least {@code min}. */
  public static AmountRange atLeast(BigDecimal min, String currency) {
    return new AmountRange(Objects.requireNonNull(min, "min"), null, currency);
  }

  /**
   * True when {@code value} (in {@code currency}) is within the bounds; the currency is the
   * caller's to check.
   */
  boolean contains(BigDecimal value) {
    return value != null
        && (min == null || value.compareTo(min) >= 0)
        && (max == null || value.compareTo(max) <= 0);
  }

  /**
   * The lower bound in the minor units of {@code currencyCode}, rounded up (9.999 USD means 10.00).
   */
  Long minMinorIn(String currencyCode) {
    return min == null
        ? null
        : min.movePointRight(Money.scaleOf(currencyCode))
            .setScale(0, RoundingMode.CEILING)
            .longValueExact();
  }

  /** The upper bound in the minor units of {@code currencyCode}, rounded down. */
  Long maxMinorIn(String currencyCode) {
    return max == null
        ? null
        : max.movePointRight(Money.scaleOf(currencyCode))
            .setScale(0, RoundingMode.FLOOR)
            .longValueExact();
  }

  /** As the filter words write it: {@code 100}, {@code 100-500 EUR}, {@code -500 USD}. */
  public String words() {
    String bounds = (min == null ? "" : plain(min)) + (max == null ? "" : "-" + plain(max));
    return bounds + (currency == null ? "" : " " + currency);
  }

  /**
   * As a person reads it: {@code at least 100 USD}, {@code 100 to 500 EUR}, {@code at most 500}.
   */
  public String display() {
    String cur = currency == null ? "" : " " + currency;
    if (max == null) {
      return "at least " + plain(min) + cur;
    }
    if (min == null) {
      return "at most " + plain(max) + cur;
    }
    return plain(min) + " to " + plain(max) + cur;
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
