package io.disputedesk.auth;

/**
 * What a person may do. Approvers can do everything agents can, and agents everything viewers can.
 */
public enum Role {
  /**
   * See disputes: lists, cards on demand, stats, the digest preview, the Home tab's team sections.
   */
  VIEWER,
  /** Message the buyer, provide evidence, assign, refresh. */
  AGENT,
  /** Also move money: accept claims and make offers, approve others' requests. */
  APPROVER
}
