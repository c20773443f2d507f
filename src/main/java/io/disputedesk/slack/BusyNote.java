package io.disputedesk.slack;

/** What people are told when every worker is busy and the work queue is full: nothing was done. */
public final class BusyNote {
  public static final String TEXT = "Dispute Desk is busy; try again in a moment.";

  private BusyNote() {}
}
