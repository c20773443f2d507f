package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why the buyer opened the dispute. Unknown values read as {@link #UNKNOWN}. */
public enum DisputeReason {
  MERCHANDISE_OR_SERVICE_NOT_RECEIVED,
  MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED,
  UNAUTHORISED,
  CREDIT_NOT_PROCESSED,
  DUPLICATE_TRANSACTION,
  INCORRECT_AMOUNT,
  PAYMENT_BY_OTHER_MEANS,
  CANCELED_RECURRING_BILLING,
  PROBLEM_WITH_REMITTANCE,
  OTHER,
  @JsonEnumDefaultValue
  UNKNOWN
}
