package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.dispute.FilterWords.Use;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterWordsTest {
  private static DisputeFilter route(String words) {
    return FilterWords.parse(words, Use.ROUTE);
  }

  private static DisputeFacts facts(
      String account,
      String reason,
      String stage,
      String channel,
      String status,
      String currency,
      String amount) {
    return new DisputeFacts(
        account,
        reason,
        stage,
        channel,
        status,
        currency,
        amount == null ? null : new BigDecimal(amount));
  }

  @Test
  void readsEveryKindOfWordInAnyOrder() {
    DisputeFilter f =
        route("account:brand-b claim snad status:waiting-seller 100-500 EUR 70000 JPY arbitration");

    assertThat(f.accounts()).containsExactly("brand-b");
    assertThat(f.stages()).containsExactlyInAnyOrder(FilterStage.CLAIM, FilterStage.ARBITRATION);
    assertThat(f.reasons()).containsExactly("MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED");
    assertThat(f.statuses()).containsExactly("WAITING_FOR_SELLER_RESPONSE");
    assertThat(f.amounts())
        .containsExactly(
            new AmountRange(new BigDecimal("100"), new BigDecimal("500"), "EUR"),
            new AmountRange(new BigDecimal("70000"), null, "JPY"));
  }

  @Test
  void wordsReadBackToTheSameFilter() {
    for (String words :
        List.of(
            "account:brand-b claim snad status:waiting-seller 100-500 EUR 70000 JPY",
            "open inquiry inr unauthorised",
            "resolved $250",
            "chargeback pre-arbitration USD:500-5000 100",
            "everything")) {
      DisputeFilter f = route(words);
      assertThat(route(f.words())).as(words).isEqualTo(f);
    }
    assertThat(route("CLAIM  Account:Brand-B").words()).isEqualTo("account:brand-b claim");
  }

  @Test
  void reasonsAreWrittenAsTheWordsPeopleTypeNotPayPalsLongNames() {
    assertThat(
            route("merchandise-or-service-not-received not-as-described fraud credit_not_processed")
                .words())
        .isEqualTo("credit snad inr unauthorised");
    assertThat(route("recurring remittance other-means duplicate incorrect-amount other").words())
        .isEqualTo("recurring duplicate incorrect-amount other other-means remittance");
  }

  @Test
  void claimIsAPayPalClaimAndChargebackACardIssuersCase() {
    DisputeFacts payPalClaim =
        facts("default", "UNAUTHORISED", "CHARGEBACK", "INTERNAL", "OPEN", "USD", "10");
    DisputeFacts cardChargeback =
        facts("default", "UNAUTHORISED", "CHARGEBACK", "EXTERNAL", "OPEN", "USD", "10");
    DisputeFacts inquiry =
        facts("default", "UNAUTHORISED", "INQUIRY", "INTERNAL", "OPEN", "USD", "10");

    assertThat(route("claim").matches(payPalClaim)).isTrue();
    assertThat(route("claim").matches(cardChargeback)).isFalse();
    assertThat(route("chargeback").matches(cardChargeback)).isTrue();
    assertThat(route("chargeback").matches(payPalClaim)).isFalse();
    assertThat(route("inquiry claim").matches(inquiry)).isTrue();
    assertThat(route("inquiry claim").matches(cardChargeback)).isFalse();
  }

  @Test
  void amountsApplyPerCurrencyWithTheBareOneForEveryOtherCurrency() {
    DisputeFilter f = route("500 USD 70000 JPY 400");

    assertThat(f.matches(facts("a", null, null, null, "OPEN", "USD", "500.00"))).isTrue();
    assertThat(f.matches(facts("a", null, null, null, "OPEN", "USD", "499.99"))).isFalse();
    assertThat(f.matches(facts("a", null, null, null, "OPEN", "JPY", "70000"))).isTrue();
    assertThat(f.matches(facts("a", null, null, null, "OPEN", "JPY", "60000"))).isFalse();
    assertThat(f.matches(facts("a", null, null, null, "OPEN", "EUR", "400"))).isTrue();
    assertThat(f.matches(facts("a", null, null, null, "OPEN", "EUR", "399"))).isFalse();
    assertThat(f.matches(facts("a", null, null, null, "OPEN", null, null)))
        .as("no amount known")
        .isFalse();
    assertThat(route("100-200 EUR").matches(facts("a", null, null, null, "OPEN", "EUR", "200.01")))
        .isFalse();
  }

  @Test
  void everyPartMustMatchAndEachSetMatchesAnyOfItsMembers() {
    DisputeFilter f = route("account:brand-a account:brand-b inr snad open");
    assertThat(
            f.matches(
                facts(
                    "brand-b",
                    "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
                    "INQUIRY",
                    null,
                    "OPEN",
                    "USD",
                    "1")))
        .isTrue();
    assertThat(
            f.matches(
                facts(
                    "brand-c",
                    "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
                    "INQUIRY",
                    null,
                    "OPEN",
                    "USD",
                    "1")))
        .as("other account")
        .isFalse();
    assertThat(f.matches(facts("brand-a", "UNAUTHORISED", "INQUIRY", null, "OPEN", "USD", "1")))
        .as("other reason")
        .isFalse();
    assertThat(
            f.matches(
                facts(
                    "brand-a",
                    "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
                    "INQUIRY",
                    null,
                    "RESOLVED",
                    "USD",
                    "1")))
        .as("resolved is not open")
        .isFalse();
    assertThat(route("everything").matches(facts(null, null, null, null, null, null, null)))
        .isTrue();
  }

  @Test
  void routesRefuseWhatIsNotAFactOfTheDispute() {
    assertThatThrownBy(() -> route("due"))
        .isInstanceOf(FilterException.class)
        .hasMessageContaining("only goes with lists");
    assertThatThrownBy(() -> route("mine")).isInstanceOf(FilterException.class);
    assertThatThrownBy(() -> route("48h"))
        .isInstanceOf(FilterException.class)
        .hasMessageContaining("only goes with the due list");
    assertThat(FilterWords.parse(List.of("due", "48h", "claim"), null, Use.LIST).view())
        .isEqualTo(DisputeView.DUE);
  }

  @Test
  void badWordsSayWhatIsWrong() {
    assertThatThrownBy(() -> route("status:sleeping"))
        .hasMessageStartingWith("“status:sleeping” is not a status");
    assertThatThrownBy(() -> route("account:Not_OK!"))
        .hasMessageContaining("does not name an account");
    assertThatThrownBy(() -> route("100 USD 200 USD"))
        .hasMessage("Give one amount per currency; USD has two.");
    assertThatThrownBy(() -> route("500-100")).hasMessageContaining("is not an amount");
    assertThatThrownBy(() -> route("<!channel>"))
        .hasMessageStartingWith("I don't know the filter “&lt;!channel&gt;”");
  }
}
