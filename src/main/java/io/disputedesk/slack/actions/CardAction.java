package io.disputedesk.slack.actions;

import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionKind;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.slack.CardButton;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each PayPal action offered in Slack, in one place and in the order cards show them: its card
 * button (action id, style, the question it asks before the modal opens), the callback id of the
 * modal the button opens, and its {@link ActionForm}, the one class that draws that modal, says
 * what pre-fills it and whether a menu choice redraws it, and reads the submitted form into a
 * request. What the action is (its name, role, money, request, whether it carries a shipment for
 * PayPal's tracking) is its {@link ActionKind}. The cards get the buttons through {@link
 * #buttons()}, handed to them by the composition root.
 */
public enum CardAction implements CardButton {
  PROVIDE_EVIDENCE(
      ActionKind.PROVIDE_EVIDENCE,
      "dd_provide_evidence",
      "dd_view_provide_evidence",
      "primary",
      null,
      new EvidenceForm(false)),
  ACKNOWLEDGE_RETURN_ITEM(
      ActionKind.ACKNOWLEDGE_RETURN_ITEM,
      "dd_acknowledge_return",
      "dd_view_acknowledge_return",
      new AcknowledgeReturnForm()),
  MAKE_OFFER(
      ActionKind.MAKE_OFFER,
      "dd_make_offer",
      "dd_view_make_offer",
      null,
      new Confirm(
          "Make the buyer an offer?",
          max ->
              (max == null
                      ? "Offer the buyer a settlement"
                      : "Offer the buyer a settlement of up to " + max)
                  + " to close the case? You choose the amount and type next; the buyer can accept or deny it."),
      new MakeOfferForm()),
  ACCEPT_CLAIM(
      ActionKind.ACCEPT_CLAIM,
      "dd_accept_claim",
      "dd_view_accept_claim",
      "danger",
      new Confirm(
          "Accept the claim?",
          max ->
              max == null
                  ? "Refund the buyer in full and close the case? This cannot be undone."
                  : "Refund " + max + " to the buyer and close the case? This cannot be undone."),
      new AcceptClaimForm()),
  SEND_MESSAGE(
      ActionKind.SEND_MESSAGE, "dd_send_message", "dd_view_send_message", new SendMessageForm()),
  PROVIDE_SUPPORTING_INFO(
      ActionKind.PROVIDE_SUPPORTING_INFO,
      "dd_supporting_info",
      "dd_view_supporting_info",
      new SupportingInfoForm()),
  APPEAL(ActionKind.APPEAL, "dd_appeal", "dd_view_appeal", new EvidenceForm(true)),
  ESCALATE(ActionKind.ESCALATE, "dd_escalate", "dd_view_escalate", new EscalateForm()),
  UPDATE_CONTACT_DETAILS(
      ActionKind.UPDATE_CONTACT_DETAILS,
      "dd_contact_details",
      "dd_view_contact_details",
      new ContactDetailsForm());

  private final ActionKind kind;
  private final String buttonId;
  private final String viewId;
  private final String style;
  private final Confirm confirm;
  private final ActionForm form;

  CardAction(ActionKind kind, String buttonId, String viewId, ActionForm form) {
    this(kind, buttonId, viewId, null, null, form);
  }

  CardAction(
      ActionKind kind,
      String buttonId,
      String viewId,
      String style,
      Confirm confirm,
      ActionForm form) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.buttonId = Objects.requireNonNull(buttonId, "buttonId");
    this.viewId = Objects.requireNonNull(viewId, "viewId");
    this.style = style;
    this.confirm = confirm;
    this.form = Objects.requireNonNull(form, "form");
  }

  /** Every action's card button, in the order cards show them. */
  public static List<CardButton> buttons() {
    return List.of(values());
  }

  static Optional<CardAction> of(DisputeAction action) {
    return Arrays.stream(values()).filter(a -> a.kind.action() == action).findFirst();
  }

  /** The action whose card button has the action id {@code actionId}. */
  static Optional<CardAction> byButton(String actionId) {
    return Arrays.stream(values()).filter(a -> a.buttonId.equals(actionId)).findFirst();
  }

  /** The action whose modal has the callback id {@code viewId}. */
  static Optional<CardAction> byView(String viewId) {
    return Arrays.stream(values()).filter(a -> a.viewId.equals(viewId)).findFirst();
  }

  @Override
  public ActionKind kind() {
    return kind;
  }

  DisputeAction action() {
    return kind.action();
  }

  @Override
  public String buttonId() {
    return buttonId;
  }

  /** The callback id of the modal the button opens. */
  public String viewId() {
    return viewId;
  }

  @Override
  public String style() {
    return style;
  }

  @Override
  public Optional<Confirm> confirm() {
    return Optional.ofNullable(confirm);
  }

  View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    return form.draw(d, metadata, values, known);
  }

  /**
   * What fills the form besides the dispute (for the evidence forms: what is known of the order).
   */
  EvidencePrefill prefill(
      Function<String, EvidencePrefill> known, String disputeId, boolean draft) {
    return form.prefill(known, disputeId, draft);
  }

  FormResult read(FormReader values, Dispute d) {
    return form.read(values, d);
  }

  /**
   * Its menus (offer type, way of accepting, kind of evidence) redraw the form with the inputs
   * PayPal needs.
   */
  boolean switches() {
    return !form.menus().isEmpty();
  }

  /** The block ids of the menus whose choice redraws the form. */
  List<String> menus() {
    return form.menus();
  }

  /** Its shipment can be added to PayPal's tracking too. */
  boolean carriesShipment() {
    return kind.addsTracking();
  }
}
