package io.disputedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The approval threshold fails closed once set: what it cannot judge needs the second approver. */
class ApprovalThresholdTest {
  private final ApprovalThreshold usdAndYen =
      new ApprovalThreshold(
          Optional.empty(), Map.of("USD", new BigDecimal("500"), "JPY", new BigDecimal("70000")));

  @Test
  void amountsAboveTheirCurrencysThresholdNeedASecondApprover() {
    assertThat(usdAndYen.requiresSecondApprover(new BigDecimal("500.01"), "USD")).isTrue();
    assertThat(usdAndYen.requiresSecondApprover(new BigDecimal("500.00"), "USD")).isFalse();
    assertThat(usdAndYen.requiresSecondApprover(new BigDecimal("60000"), "JPY")).isFalse();
  }

  @Test
  void aCurrencyWithoutAThresholdNeedsASecondApprover() {
    assertThat(usdAndYen.requiresSecondApprover(new BigDecimal("1.00"), "EUR")).isTrue();
  }

  @Test
  void anAmountOrCurrencyNotKnownNeedsASecondApprover() {
    assertThat(usdAndYen.requiresSecondApprover(null, "USD")).isTrue();
    assertThat(usdAndYen.requiresSecondApprover(new BigDecimal("1.00"), null)).isTrue();
  }

  @Test
  void aDefaultCoversCurrenciesNotListed() {
    ApprovalThreshold withDefault =
        new ApprovalThreshold(
            Optional.of(new BigDecimal("300")), Map.of("JPY", new BigDecimal("70000")));

    assertThat(withDefault.requiresSecondApprover(new BigDecimal("200"), "EUR")).isFalse();
    assertThat(withDefault.requiresSecondApprover(new BigDecimal("301"), "EUR")).isTrue();
  }

  @Test
  void noThresholdSetMeansNoSecondApprover() {
    assertThat(ApprovalThreshold.none().isConfigured()).isFalse();
    assertThat(ApprovalThreshold.none().requiresSecondApprover(null, null)).isFalse();
    assertThat(ApprovalThreshold.none().requiresSecondApprover(new BigDecimal("1000000"), "USD"))
        .isFalse();
  }
}
