package io.disputedesk.sim;

/** Dispute life-cycle stages; {@code CHARGEBACK} is a PayPal claim. */
public enum SimStage {
  INQUIRY,
  CHARGEBACK,
  PRE_ARBITRATION,
  ARBITRATION;

  boolean isClaim() {
    return this != INQUIRY;
  }
}
