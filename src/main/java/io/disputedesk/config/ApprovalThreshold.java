package io.disputedesk.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Amounts above which an accept or offer needs a second approver: per currency, with an
 * optional default that applies to currencies not listed. Empty means never.
 */
public record ApprovalThreshold(Optional<BigDecimal> anyCurrency, Map<String, BigDecimal> perCurrency) {
  public ApprovalThreshold {
    perCurrency = Map.copyOf(perCurrency);
  }

  public static ApprovalThreshold none() {
    return new ApprovalThreshold(Optional.empty(), Map.of());
  }

  /** The threshold for a currency, if one applies. */
  public Optional<BigDecimal> forCurrency(String currency) {
    BigDecimal specific = perCurrency.get(currency);
    return specific != null ? Optional.of(specific) : anyCurrency;
  }

  /** True when moving this amount needs a second approver. */
  public boolean requiresSecondApprover(BigDecimal amount, String currency) {
    return forCurrency(currency).map(limit -> amount.compareTo(limit) > 0).orElse(false);
  }
}
