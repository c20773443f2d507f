package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Who posted a message or acted on an offer. Unknown values read as {@link #UNKNOWN}. */
public enum Party {
  BUYER,
  SELLER,
  ARBITER,
  @JsonEnumDefaultValue
  UNKNOWN
}
