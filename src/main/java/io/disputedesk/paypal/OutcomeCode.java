package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a resolved dispute ended. Unknown values read as {@link #UNKNOWN}. */
public enum OutcomeCode {
  RESOLVED_BUYER_FAVOUR,
  RESOLVED_SELLER_FAVOUR,
  RESOLVED_WITH_PAYOUT,
  CANCELED_BY_BUYER,
  ACCEPTED,
  DENIED,
  NONE,
  @JsonEnumDefaultValue
  UNKNOWN
}
