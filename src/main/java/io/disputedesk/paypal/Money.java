package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;

/** An amount in a currency, as PayPal sends it: an ISO 4217 code and a decimal string. */
public record Money(
    String currencyCode, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value) {

  /** Currencies PayPal accepts with no decimal places. */
  private static final Set<String> ZERO_DECIMAL = Set.of("JPY", "HUF", "TWD");

  public Money {
    Objects.requireNonNull(currencyCode, "currencyCode");
    Objects.requireNonNull(value, "value");
  }

  public static Money of(String value, String currencyCode) {
    return new Money(currencyCode, new BigDecimal(value));
  }

  /** An amount stored in the currency's smallest unit: {@code 123456, USD} is 1,234.56 USD. */
  public static Money ofMinor(long minor, String currencyCode) {
    return new Money(currencyCode, BigDecimal.valueOf(minor, scaleOf(currencyCode)));
  }

  /** How many decimal places PayPal allows for this currency. */
  public static int scaleOf(String currencyCode) {
    return ZERO_DECIMAL.contains(currencyCode) ? 0 : 2;
  }

  /**
   * The amount as a person reads it, the one way every surface shows money: thousands separated,
   * the currency's own decimal places, the code after: {@code 1,234.56 USD}, {@code 70,000 JPY}.
   */
  public String display() {
    return number(
            value.setScale(
                Math.max(scaleOf(currencyCode), value.scale()), RoundingMode.UNNECESSARY))
        + " "
        + currencyCode;
  }

  /**
   * A number with thousands separated and exactly its own decimal places: {@code 1,234.5}. Written
   * out by hand, as an English {@code DecimalFormat("#,##0")} would write it: cards, forms and the
   * acks' progress views call this for every amount they show, and a {@code DecimalFormat} costs a
   * pattern parse each time.
   */
  public static String number(BigDecimal value) {
    String plain = value.setScale(Math.max(0, value.scale())).toPlainString();
    int start = plain.startsWith("-") ? 1 : 0;
    int point = plain.indexOf('.');
    int end = point < 0 ? plain.length() : point;
    StringBuilder out = new StringBuilder(plain.length() + (end - start) / 3);
    out.append(plain, 0, start);
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    return out.append(plain, end, plain.length()).toString();
  }
}
