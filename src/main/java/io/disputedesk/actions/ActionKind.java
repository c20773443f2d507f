package io.disputedesk.actions;

import io.disputedesk.auth.Role;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each PayPal action is, in one place: its one name (on its button, its modal's title, its
 * thread reports and the audit), the role it needs, the request PayPal takes, the money it moves
 * (which can need a second approver) and the question asked first, how it reads in a thread, and
 * how a re-read dispute shows it took effect. Agents talk to the buyer and argue the case; only
 * approvers may give money away (accept a claim, make an offer) or appeal a decided case, which
 * reopens it and can bring arbitration fees. Its card button and form are {@code
 * slack.actions.CardAction}.
 */
public enum ActionKind {
  SEND_MESSAGE(
      DisputeAction.SEND_MESSAGE,
      "Send message",
      Role.AGENT,
      ActionTraits.of(ActionRequest.SendMessage.class)
          .details((m, amount) -> ActionSummary.quote(m.message()))
          .effect(Effects::message)),
  MAKE_OFFER(
      DisputeAction.MAKE_OFFER,
      "Make offer",
      Role.APPROVER,
      ActionTraits.of(ActionRequest.MakeOffer.class)
          .movesMoney((o, d) -> Optional.ofNullable(o.offerAmount()), ActionSummary::offerQuestion)
          .freeWhen(o -> o.offerType() == OfferType.REPLACEMENT_WITHOUT_REFUND)
          .details(ActionSummary::offerDetails)
          .effect(Effects::offer)),
  ACCEPT_CLAIM(
      DisputeAction.ACCEPT_CLAIM,
      "Accept claim",
      Role.APPROVER,
      ActionTraits.of(ActionRequest.AcceptClaim.class)
          .movesMoney(
              ActionSummary::refundAmount,
              (a, money) -> "Refund " + money + " to the buyer and close the case?")
          .details(ActionSummary::refundDetails)
          .effect(Effects::refund)),
  PROVIDE_EVIDENCE(
      DisputeAction.PROVIDE_EVIDENCE,
      "Provide evidence",
      Role.AGENT,
      ActionTraits.of(ActionRequest.ProvideEvidence.class)
          .details((e, amount) -> ActionSummary.evidence(e.evidences()))
          .effect(Effects::evidence)
          .addsTracking()),
  APPEAL(
      DisputeAction.APPEAL,
      "Appeal",
      Role.APPROVER,
      ActionTraits.of(ActionRequest.Appeal.class)
          .details((a, amount) -> ActionSummary.evidence(a.evidences()))
          .effect(Effects::appeal)
          .addsTracking()),
  // Escalating moves no money: it asks PayPal to decide, which any agent may do.
  ESCALATE(
      DisputeAction.ESCALATE,
      "Escalate to claim",
      Role.AGENT,
      ActionTraits.of(ActionRequest.Escalate.class)
          .details((e, amount) -> ActionSummary.quote(e.note()))
          .effect(Effects::escalation)),
  ACKNOWLEDGE_RETURN_ITEM(
      DisputeAction.ACKNOWLEDGE_RETURN_ITEM,
      "Acknowledge return",
      Role.AGENT,
      ActionTraits.of(ActionRequest.AcknowledgeReturnItem.class)
          .details(
              (r, amount) ->
                  r.acknowledgementType() == null
                      ? "returned item acknowledged"
                      : ActionSummary.words(r.acknowledgementType().name()))
          .effect(Effects::acknowledgement)),
  PROVIDE_SUPPORTING_INFO(
      DisputeAction.PROVIDE_SUPPORTING_INFO,
      "Provide supporting info",
      Role.AGENT,
      ActionTraits.of(ActionRequest.ProvideSupportingInfo.class)
          .details((s, amount) -> ActionSummary.quote(s.notes()))
          .effect(Effects::supportingInfo)),
  // Sandbox-only test actions are never offered in Slack; keep them behind the stronger role.
  ADJUDICATE(
      DisputeAction.ADJUDICATE,
      "Adjudicate",
      Role.APPROVER,
      ActionTraits.of(ActionRequest.Adjudicate.class)),
  REQUIRE_EVIDENCE(
      DisputeAction.REQUIRE_EVIDENCE,
      "Require evidence",
      Role.APPROVER,
      ActionTraits.of(ActionRequest.RequireEvidence.class)),
  // The seller's own contact details for the buyer: part of arguing the case.
  UPDATE_CONTACT_DETAILS(
      DisputeAction.UPDATE_CONTACT_DETAILS,
      "Contact details",
      Role.AGENT,
      ActionTraits.of(ActionRequest.UpdateContactDetails.class)
          .details(
              (c, amount) ->
                  c.email() + (c.note() == null ? "" : ", " + ActionSummary.quote(c.note())))
          .effect(Effects::contactDetails));

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
  private final ActionTraits<?> traits;

  ActionKind(DisputeAction action, String title, Role role, ActionTraits<?> traits) {
    this.action = action;
    this.title = title;
    this.role = role;
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
    return traits.movesMoney();
  }

  /**
   * True when {@code request} (of this kind) moves money: a kind that moves money may have a form
   * that moves none (an offer of a replacement only).
   */
  boolean movesMoney(ActionRequest request) {
    return traits.movesMoney(request);
  }

  /** The money {@code request} (of this kind) moves to the buyer; empty when none moves. */
  Optional<Money> amount(ActionRequest request, Dispute dispute) {
    return traits.amount(request, dispute);
  }

  /** The question asked before {@code request} moves {@code money}, when the kind asks one. */
  Optional<String> question(ActionRequest request, String money) {
    return traits.question(request, money);
  }

  /** What {@code request} says, briefly, when the kind says more than its name. */
  Optional<String> details(ActionRequest request, Money amount) {
    return traits.details(request, amount);
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
