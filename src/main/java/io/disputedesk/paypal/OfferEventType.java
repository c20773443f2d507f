package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What happened to an offer. Unknown values read as {@link #UNKNOWN}. */
public enum OfferEventType {
  PROPOSED,
  ACCEPTED,
  DENIED,
  @JsonEnumDefaultValue
  UNKNOWN
}
