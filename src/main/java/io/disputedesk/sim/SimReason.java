package io.disputedesk.sim;

/** Dispute reasons, spelled as PayPal sends them. */
public enum SimReason {
  MERCHANDISE_OR_SERVICE_NOT_RECEIVED,
  MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED,
  UNAUTHORISED,
  CREDIT_NOT_PROCESSED,
  DUPLICATE_TRANSACTION,
  INCORRECT_AMOUNT,
  PAYMENT_BY_OTHER_MEANS,
  CANCELED_RECURRING_BILLING,
  PROBLEM_WITH_REMITTANCE,
  OTHER;

  /** Only item-not-received and not-as-described cases start as inquiries. */
  boolean startsInInquiry() {
    return this == MERCHANDISE_OR_SERVICE_NOT_RECEIVED
        || this == MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED;
  }

  boolean isNotReceived() {
    return this == MERCHANDISE_OR_SERVICE_NOT_RECEIVED;
  }

  boolean isNotAsDescribed() {
    return this == MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED;
  }
}
