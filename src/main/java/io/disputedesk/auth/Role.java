package io.disputedesk.auth;

/** What a person may do. Approvers can do everything agents can. */
public enum Role {
  /** Message the buyer, provide evidence, assign, refresh. */
  AGENT,
  /** Also move money: accept claims and make offers, approve others' requests. */
  APPROVER
}
