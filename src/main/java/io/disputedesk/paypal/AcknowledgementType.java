package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What the seller found when the returned item arrived. Unknown values read as {@link #UNKNOWN}.
 */
public enum AcknowledgementType {
  ITEM_RECEIVED,
  ITEM_NOT_RECEIVED,
  DAMAGED,
  EMPTY_PACKAGE_OR_DIFFERENT,
  MISSING_ITEMS,
  @JsonEnumDefaultValue
  UNKNOWN
}
