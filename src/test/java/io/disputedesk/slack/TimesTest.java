package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How every surface says when and how much: spans, deadlines, Slack date tokens and money. */
class TimesTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:40:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "P3DT23H59M | 3 days 23 h left",
        "P3D | 3 days left",
        "P1DT1H | 1 day 1 h left",
        "PT47H | 1 day 23 h left",
        "PT11H | 11 h left",
        "PT5H10M | 5 h 10 min left",
        "PT40M | 40 min left",
        "PT20S | 1 min left",
        "P12DT5H | 12 days 5 h left",
        "PT-2H | Overdue by 2 h",
        "PT-74H | Overdue by 3 days 2 h",
        "PT0S | Overdue by 1 min"
      })
  void timeLeftIsRoundedDownInWholeUnitsAndNeverDropsTheHours(Duration left, String words) {
    assertThat(Words.left(NOW.plus(left), NOW)).isEqualTo(words);
  }

  @Test
  void noDeadlineIsSaidSo() {
    assertThat(Words.left(null, NOW)).isEqualTo("No deadline");
    assertThat(Urgency.deadline(null, NOW)).isEqualTo("No deadline");
    assertThat(Urgency.deadline(NOW.minusSeconds(7200), NOW))
        .isEqualTo(":red_circle: Overdue by 2 h");
  }

  @Test
  void aDeadlineWithinTwoDaysShowsItsTimeOfDayInTheReadersZoneWithAUtcFallback() {
    Instant in11Hours = NOW.plus(Duration.ofHours(11));

    assertThat(Times.dateTime(in11Hours))
        .isEqualTo(
            "<!date^"
                + in11Hours.getEpochSecond()
                + "^{date_short_pretty} {time}|Thu 3 Dec 2026 21:40 UTC>");
  }

  @Test
  void daysAndClockTimesUseSlacksTokens() {
    assertThat(Times.date(Instant.parse("2026-11-27T09:46:54Z")))
        .isEqualTo("<!date^1795772814^{date_short_pretty}|Fri 27 Nov 2026>");
    assertThat(Times.clock(Instant.parse("2026-11-27T09:21:54.123456789Z")))
        .isEqualTo("<!date^1795771314^{time}|09:21 UTC>")
        .doesNotContain(".123");
  }

  @Test
  void agoIsAShortRelativeTime() {
    assertThat(Words.ago(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
    assertThat(Words.ago(NOW.minusSeconds(125), NOW)).isEqualTo("2 min ago");
    assertThat(Words.ago(NOW.minus(Duration.ofHours(26)), NOW)).isEqualTo("1 day 2 h ago");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1234.56 | USD | 1,234.56 USD",
        "70000 | JPY | 70,000 JPY",
        "23 | USD | 23.00 USD",
        "999.5 | EUR | 999.50 EUR",
        "1234567.891 | USD | 1,234,567.891 USD",
        "0.07 | GBP | 0.07 GBP"
      })
  void moneyHasThousandsSeparatorsAndTheCurrencysDecimals(
      String value, String currency, String shown) {
    assertThat(Money.of(value, currency).display()).isEqualTo(shown);
    assertThat(Words.money(Money.of(value, currency))).isEqualTo(shown);
  }

  @Test
  void storedMinorUnitsReadTheSameWay() {
    assertThat(Words.money(123456L, "USD")).isEqualTo("1,234.56 USD");
    assertThat(Words.money(7_000_000L, "JPY")).isEqualTo("7,000,000 JPY");
    assertThat(Words.money(null, "USD")).isEqualTo("Unknown amount");
    assertThat(Money.number(new BigDecimal("1E+3"))).isEqualTo("1,000");
  }
}
