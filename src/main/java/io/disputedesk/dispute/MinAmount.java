package io.disputedesk.dispute;

import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A lower bound on the disputed amount, in major units ({@code 100} = 100.00 USD or 100 JPY). With
 * a currency only disputes in that currency match; without one the bound applies in every currency,
 * compared in each currency's own minor units.
 */
public record MinAmount(BigDecimal value, String currency) {
  public MinAmount {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a minimum amount cannot be negative");
    }
  }

  /** The bound in the minor units of {@code currencyCode}, rounded up so 9.999 USD means 10.00. */
  public long minorIn(String currencyCode) {
    return value
        .movePointRight(Money.scaleOf(currencyCode))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /**
   * As money is shown everywhere: {@code 1,000.00 EUR}; without a currency the number alone, {@code
   * 1,000}.
   */
  public String display() {
    if (currency != null) {
      return new Money(currency, value).display();
    }
    return Money.number(value.stripTrailingZeros());
  }
}
