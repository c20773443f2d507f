package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/** An amount in a currency, as PayPal sends it: an ISO 4217 code and a decimal string. */
public record Money(String currencyCode, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value) {

  /** Currencies PayPal accepts with no decimal places. */
  private static final Set<String> ZERO_DECIMAL = Set.of("JPY", "HUF", "TWD");

  public Money {
    Objects.requireNonNull(currencyCode, "currencyCode");
    Objects.requireNonNull(value, "value");
  }

  public static Money of(String value, String currencyCode) {
    return new Money(currencyCode, new BigDecimal(value));
  }

  /** How many decimal places PayPal allows for this currency. */
  public static int scaleOf(String currencyCode) {
    return ZERO_DECIMAL.contains(currencyCode) ? 0 : 2;
  }

  /** The amount formatted the way a person reads it: {@code 23.00 USD}. */
  public String display() {
    return value.setScale(Math.max(scaleOf(currencyCode), value.scale()), java.math.RoundingMode.UNNECESSARY)
            .toPlainString()
        + " "
        + currencyCode;
  }
}
