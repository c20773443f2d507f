package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why a seller accepts a claim. Unknown values read as {@link #UNKNOWN}. */
public enum AcceptClaimReason {
  DID_NOT_SHIP_ITEM,
  TOO_TIME_CONSUMING,
  LOST_IN_MAIL,
  NOT_ABLE_TO_WIN,
  COMPANY_POLICY,
  REASON_NOT_SET,
  @JsonEnumDefaultValue
  UNKNOWN
}
