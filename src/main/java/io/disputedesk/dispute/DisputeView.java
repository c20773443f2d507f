package io.disputedesk.dispute;

/** Which disputes a list shows; every view but {@link #RESOLVED} shows open disputes only. */
public enum DisputeView {
  /** Every open dispute, soonest seller deadline first. */
  OPEN,
  /**
   * Open disputes waiting for the seller whose deadline is within the window (overdue ones
   * included).
   */
  DUE,
  /** Open disputes assigned to one person. */
  MINE,
  /** Open disputes nobody owns. */
  UNASSIGNED,
  /** Disputes waiting for the buyer's response. */
  WAITING_BUYER,
  /** Resolved disputes, most recently resolved first. */
  RESOLVED
}
