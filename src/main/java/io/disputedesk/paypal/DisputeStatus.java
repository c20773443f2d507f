package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Dispute status, the same for both parties. Unknown values read as {@link #UNKNOWN}. */
public enum DisputeStatus {
  OPEN,
  WAITING_FOR_BUYER_RESPONSE,
  WAITING_FOR_SELLER_RESPONSE,
  UNDER_REVIEW,
  RESOLVED,
  OTHER,
  @JsonEnumDefaultValue
  UNKNOWN
}
