package io.disputedesk.actions;

import io.disputedesk.auth.Role;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.Money;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each PayPal action is, in one place: its one name (on its button, its modal's title, its
 * thread reports and the audit), the role it needs, whether its amount can need a second approver,
 * the request PayPal takes and how a re-read dispute shows it took effect. Agents talk to the buyer
 * and argue the case; only approvers may give money away (accept a claim, make an offer) or appeal
 * a decided case, which reopens it and can bring arbitration fees. Its card button is {@code
 * slack.CardAction} and its form {@code slack.actions.ActionForm}.
 */
public enum ActionKind {
  SEND_MESSAGE(
      DisputeAction.SEND_MESSAGE,
      "Send message",
      Role.AGENT,
      false,
      ActionTraits.of(ActionRequest.SendMessage.class).effect(Effects::message)),
  MAKE_OFFER(
      DisputeAction.MAKE_OFFER,
      "Make offer",
      Role.APPROVER,
      true,
      ActionTraits.of(ActionRequest.MakeOffer.class).effect(Effects::offer)),
  ACCEPT_CLAIM(
      DisputeAction.ACCEPT_CLAIM,
      "Accept claim",
      Role.APPROVER,
      true,
      ActionTraits.of(ActionRequest.AcceptClaim.class).effect(Effects::refund)),
  PROVIDE_EVIDENCE(
      DisputeAction.PROVIDE_EVIDENCE,
      "Provide evidence",
      Role.AGENT,
      false,
      ActionTraits.of(ActionRequest.ProvideEvidence.class)
          .effect(Effects::evidence)
          .addsTracking()),
  APPEAL(
      DisputeAction.APPEAL,
      "Appeal",
      Role.APPROVER,
      false,
      ActionTraits.of(ActionRequest.Appeal.class).effect(Effects::appeal).addsTracking()),
  // Escalating moves no money: it asks PayPal to decide, which any agent may do.
  ESCALATE(
      DisputeAction.ESCALATE,
      "Escalate to claim",
      Role.AGENT,
      false,
      ActionTraits.of(ActionRequest.Escalate.class).effect(Effects::escalation)),
  ACKNOWLEDGE_RETURN_ITEM(
      DisputeAction.ACKNOWLEDGE_RETURN_ITEM,
      "Acknowledge return",
      Role.AGENT,
      false,
      ActionTraits.of(ActionRequest.AcknowledgeReturnItem.class).effect(Effects::acknowledgement)),
  PROVIDE_SUPPORTING_INFO(
      DisputeAction.PROVIDE_SUPPORTING_INFO,
      "Provide supporting info",
      Role.AGENT,
      false,
      ActionTraits.of(ActionRequest.ProvideSupportingInfo.class).effect(Effects::supportingInfo)),
  // Sandbox-only test actions are never offered in Slack; keep them behind the stronger role.
  ADJUDICATE(
      DisputeAction.ADJUDICATE,
      "Adjudicate",
      Role.APPROVER,
      false,
      ActionTraits.of(ActionRequest.Adjudicate.class)),
  REQUIRE_EVIDENCE(
      DisputeAction.REQUIRE_EVIDENCE,
      "Require evidence",
      Role.APPROVER,
      false,
      ActionTraits.of(ActionRequest.RequireEvidence.class)),
  // The seller's own contact details for the buyer: part of arguing the case.
  UPDATE_CONTACT_DETAILS(
      DisputeAction.UPDATE_CONTACT_DETAILS,
      "Contact details",
      Role.AGENT,
      false,
      ActionTraits.of(ActionRequest.UpdateContactDetails.class).effect(Effects::contactDetails));

  private static final Map<DisputeAction, ActionKind> BY_ACTION =
      new EnumMap<>(DisputeAction.class);

  static {
    for (ActionKind k : values()) {
      BY_ACTION.put(k.action, k);
    }
  }

  private final DisputeAction action;
  private final String title;
  private final Role role;
  private final boolean movesMoney;
  private final ActionTraits<?> traits;

  ActionKind(
      DisputeAction action, String title, Role role, boolean movesMoney, ActionTraits<?> traits) {
    this.action = action;
    this.title = title;
    this.role = role;
    this.movesMoney = movesMoney;
    this.traits = traits;
  }

  /** The descriptor of PayPal's action; every PayPal action has one. */
  public static ActionKind of(DisputeAction action) {
    return BY_ACTION.get(action);
  }

  public DisputeAction action() {
    return action;
  }

  /** The action's one name. */
  public String title() {
    return title;
  }

  /** The role a person needs to do it. */
  public Role role() {
    return role;
  }

  /** True when its amount can need a second approver. */
  public boolean movesMoney() {
    return movesMoney;
  }

  /** The request PayPal takes (and the action ledger stores). */
  public Class<? extends ActionRequest> requestType() {
    return traits.type();
  }

  /**
   * True when a shipment can go with it, added to PayPal's tracking once it went through
   * (evidence).
   */
  public boolean addsTracking() {
    return traits.tracks();
  }

  /**
   * What {@code after}, read since {@code since}, shows of {@code request} (of this kind, moving
   * {@code amount}, nullable).
   */
  Finding judge(ActionRequest request, Money amount, Instant since, Dispute after) {
    return traits.judge(request, amount, since, after);
  }
}
