package io.disputedesk.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Amounts above which an accept or offer needs a second approver: per currency, with an optional
 * default that applies to currencies not listed. Empty (not configured) means never. Once
 * configured it fails closed: a currency with no threshold, or an amount that is not known, needs
 * the second approver.
 */
public record ApprovalThreshold(
    Optional<BigDecimal> anyCurrency, Map<String, BigDecimal> perCurrency) {
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

  /** True when an approval threshold was set at all. */
  public boolean isConfigured() {
    return anyCurrency.isPresent() || !perCurrency.isEmpty();
  }

  /**
   * True when moving this amount needs a second approver: above its currency's threshold, or, once
   * any threshold is set, when the amount or currency is unknown (null) or the currency has none.
   */
  public boolean requiresSecondApprover(BigDecimal amount, String currency) {
    if (!isConfigured()) {
      return false;
    }
    if (amount == null || currency == null) {
      return true;
    }
    return forCurrency(currency).map(limit -> amount.compareTo(limit) > 0).orElse(true);
  }
}
