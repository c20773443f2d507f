package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Dispute life-cycle stage; CHARGEBACK is a PayPal claim. Unknown values read as {@link #UNKNOWN}.
 */
public enum LifecycleStage {
  INQUIRY,
  CHARGEBACK,
  PRE_ARBITRATION,
  ARBITRATION,
  @JsonEnumDefaultValue
  UNKNOWN
}
