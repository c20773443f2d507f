package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Kind of offer a seller makes. Unknown values read as {@link #UNKNOWN}. */
public enum OfferType {
  REFUND,
  REFUND_WITH_RETURN,
  REFUND_WITH_REPLACEMENT,
  REPLACEMENT_WITHOUT_REFUND,
  @JsonEnumDefaultValue
  UNKNOWN
}
