package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Amounts read the same as an English {@code DecimalFormat("#,##0")} with their own decimals. */
class MoneyNumberTest {
  @Test
  void amountsAreWrittenWithThousandsSeparatedAndTheirOwnDecimals() {
    assertThat(Money.number(new BigDecimal("1234.5"))).isEqualTo("1,234.5");
    assertThat(Money.number(new BigDecimal("0.00"))).isEqualTo("0.00");
    assertThat(Money.number(new BigDecimal("-1234567.89"))).isEqualTo("-1,234,567.89");
    assertThat(Money.number(new BigDecimal("1E+3"))).isEqualTo("1,000");
    assertThat(Money.number(new BigDecimal("999"))).isEqualTo("999");
    assertThat(Money.of("70000", "JPY").display()).isEqualTo("70,000 JPY");
    assertThat(Money.of("49.9", "USD").display()).isEqualTo("49.90 USD");
  }

  @Test
  void everyNumberReadsAsDecimalFormatWroteIt() {
    Random random = new Random(17);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal value =
          BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(12) - 3);
      assertThat(Money.number(value)).as(value.toString()).isEqualTo(decimalFormat(value));
    }
    for (String s :
        new String[] {"-0.5", "-0", "0", "100", "1000", "-100000", "123456789012345678901234.5"}) {
      assertThat(Money.number(new BigDecimal(s))).isEqualTo(decimalFormat(new BigDecimal(s)));
    }
  }

  /** How amounts were written before: one {@code DecimalFormat} per call. */
  private static String decimalFormat(BigDecimal value) {
    int scale = Math.max(0, value.scale());
    DecimalFormat format =
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    format.setMinimumFractionDigits(scale);
    format.setMaximumFractionDigits(scale);
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(value);
  }
}
