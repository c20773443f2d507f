package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The {@code outcome} newer list responses give a resolved dispute, before its details are read.
 */
public enum ListOutcome {
  WON,
  LOST,
  @JsonEnumDefaultValue
  UNKNOWN
}
