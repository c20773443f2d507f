package io.disputedesk.sim;

/** How the simulator spoils a dispute's details answer (200 OK, but unusable). */
public enum DetailsFault {
  /** The body is cut off mid-object: not JSON. */
  MALFORMED_JSON,
  /** The details lack {@code dispute_amount}. */
  MISSING_AMOUNT
}
