package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Dispute state relative to the caller (the seller). Unknown values read as {@link #UNKNOWN}. */
public enum DisputeState {
  OPEN_INQUIRIES,
  REQUIRED_ACTION,
  REQUIRED_OTHER_PARTY_ACTION,
  UNDER_PAYPAL_REVIEW,
  APPEALABLE,
  RESOLVED,
  @JsonEnumDefaultValue
  UNKNOWN
}
