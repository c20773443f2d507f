package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Who asked for or supplied a piece of evidence. Unknown values read as {@link #UNKNOWN}. */
public enum EvidenceSource {
  REQUESTED_FROM_BUYER,
  REQUESTED_FROM_SELLER,
  SUBMITTED_BY_BUYER,
  SUBMITTED_BY_SELLER,
  SUBMITTED_BY_PARTNER,
  @JsonEnumDefaultValue
  UNKNOWN
}
