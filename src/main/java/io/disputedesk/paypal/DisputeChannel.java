package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where the dispute was filed. Unknown values read as {@link #UNKNOWN}. */
public enum DisputeChannel {
  INTERNAL,
  EXTERNAL,
  ALERT,
  @JsonEnumDefaultValue
  UNKNOWN
}
