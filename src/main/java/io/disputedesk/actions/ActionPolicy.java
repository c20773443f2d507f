package io.disputedesk.actions;

import io.disputedesk.auth.Role;
import io.disputedesk.paypal.DisputeAction;

/**
 * Which role each PayPal action needs. Agents talk to the buyer and argue the case; only
 * approvers may give money away (accept a claim, make an offer) or appeal a decided case, which
 * reopens it and can bring arbitration fees.
 */
public final class ActionPolicy {
  private ActionPolicy() {}

  public static Role roleFor(DisputeAction action) {
    return switch (action) {
      case ACCEPT_CLAIM, MAKE_OFFER, APPEAL -> Role.APPROVER;
      // Escalating moves no money: it asks PayPal to decide, which any agent may do.
      case SEND_MESSAGE, PROVIDE_EVIDENCE, ESCALATE, ACKNOWLEDGE_RETURN_ITEM, PROVIDE_SUPPORTING_INFO -> Role.AGENT;
      // The seller's own contact details for the buyer: part of arguing the case.
      case UPDATE_CONTACT_DETAILS -> Role.AGENT;
      // Sandbox-only test actions are never offered in Slack; keep them behind the stronger role.
      case ADJUDICATE, REQUIRE_EVIDENCE -> Role.APPROVER;
    };
  }

  /** True for actions whose amount can need a second approver. */
  public static boolean movesMoney(DisputeAction action) {
    return action == DisputeAction.ACCEPT_CLAIM || action == DisputeAction.MAKE_OFFER;
  }
}
