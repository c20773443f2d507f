package io.disputedesk.sim;

/** How the simulator can close a dispute; names are PayPal's {@code outcome_code} values. */
public enum SimOutcome {
  RESOLVED_BUYER_FAVOUR,
  RESOLVED_SELLER_FAVOUR,
  CANCELED_BY_BUYER
}
