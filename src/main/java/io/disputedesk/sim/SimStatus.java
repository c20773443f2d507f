package io.disputedesk.sim;

/** Dispute statuses, the same for both parties. */
public enum SimStatus {
  OPEN,
  WAITING_FOR_BUYER_RESPONSE,
  WAITING_FOR_SELLER_RESPONSE,
  UNDER_REVIEW,
  RESOLVED,
  OTHER
}
