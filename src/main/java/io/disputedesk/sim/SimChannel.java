package io.disputedesk.sim;

/** Where the buyer filed the dispute. */
public enum SimChannel {
  INTERNAL,
  EXTERNAL,
  ALERT
}
