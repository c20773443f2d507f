package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a seller accepts a claim. Unknown values read as {@link #UNKNOWN}. */
public enum AcceptClaimType {
  REFUND,
  REFUND_WITH_RETURN,
  PARTIAL_REFUND,
  REFUND_WITH_RETURN_SHIPMENT_LABEL,
  @JsonEnumDefaultValue
  UNKNOWN
}
