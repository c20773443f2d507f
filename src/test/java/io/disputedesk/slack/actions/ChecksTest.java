package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.File;
import io.disputedesk.paypal.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The input rules, one by one. */
class ChecksTest {
  private static final Money MAX = Money.of("49.99", "USD");

  private static Checks.Amount amount(String typed, String currency, Money max) {
    return Checks.amount(Optional.ofNullable(typed), currency, max);
  }

  @Test
  void wholeAmountsGetTheCurrencysDecimals() {
    assertThat(amount("23", "USD", MAX).money()).isEqualTo(Money.of("23.00", "USD"));
    assertThat(amount("USD 23.5", "USD", MAX).money()).isEqualTo(Money.of("23.50", "USD"));
    assertThat(amount("2500", "JPY", null).money()).isEqualTo(Money.of("2500", "JPY"));
    assertThat(amount("49.99", "USD", MAX).ok()).isTrue();
    assertThat(amount("10.500", "USD", MAX).money()).isEqualTo(Money.of("10.50", "USD"));
  }

  @Test
  void badAmountsSayWhatIsWrong() {
    assertThat(amount(null, "USD", MAX).error()).isEqualTo("Enter an amount.");
    assertThat(amount("1e3", "USD", MAX).error())
        .isEqualTo("Enter the amount as a number, like 23.50.");
    assertThat(amount("12.", "JPY", null).error())
        .isEqualTo("Enter the amount as a number, like 2500.");
    assertThat(amount("0.00", "USD", MAX).error()).isEqualTo("The amount must be more than zero.");
    assertThat(amount("0.001", "USD", MAX).error()).isEqualTo("Use at most 2 decimals for USD.");
    assertThat(amount("1.5", "HUF", null).error()).isEqualTo("HUF amounts have no decimals.");
    assertThat(amount("50", "USD", MAX).error()).isEqualTo("PayPal allows at most 49.99 USD here.");
  }

  @Test
  void notesCountCharactersNotBytes() {
    assertThat(Checks.note(Optional.of("é".repeat(2000)), true, "a note")).isNull();
    assertThat(Checks.note(Optional.of("😀".repeat(2000)), true, "a note")).isNull();
    assertThat(Checks.note(Optional.of("x".repeat(2001)), true, "a note")).contains("2,001");
    assertThat(Checks.note(Optional.empty(), true, "a note")).isEqualTo("Write a note.");
    assertThat(Checks.note(Optional.empty(), false, "a note")).isNull();
  }

  @Test
  void filesAreJudgedByExtensionAndSize() {
    assertThat(Checks.files(List.of(file("SCAN.PDF", null, 100)))).isNull();
    assertThat(Checks.files(List.of(file("scan", "jpeg", 100)))).isNull();
    assertThat(Checks.files(List.of(file("notes.docx", "docx", 100)))).contains("not a JPG");
    assertThat(Checks.files(List.of(file("big.png", "png", 10L * 1024 * 1024 - 1)))).isNull();
    assertThat(Checks.files(List.of(file("big.png", "png", 10L * 1024 * 1024))))
        .contains("10 MB or more");
  }

  private static File file(String name, String filetype, long size) {
    File f = new File();
    f.setName(name);
    f.setFiletype(filetype);
    f.setSize((int) size);
    return f;
  }
}
