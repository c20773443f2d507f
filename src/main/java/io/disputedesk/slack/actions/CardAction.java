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
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Each PayPal action offered in Slack, in one place and in the order cards show them: its card
 * button (action id, style, the question it asks before the modal opens), the callback id of the
 * modal the button opens, how that modal is drawn and what pre-fills it, how its submitted form
 * becomes a request and whether the form redraws on a menu choice. What the action is (its name,
 * role, money, request, whether it carries a shipment for PayPal's tracking) is its {@link
 * ActionKind}. The cards get the buttons through {@link #buttons()}, handed to them by the
 * composition root.
 */
public enum CardAction implements CardButton {
  PROVIDE_EVIDENCE(
      ActionKind.PROVIDE_EVIDENCE,
      "dd_provide_evidence",
      "dd_view_provide_evidence",
      "primary",
      null,
      EvidenceModals::provideEvidence,
      (f, d) -> RequestForms.evidence(f, d, false),
      true,
      (known, id, draft) -> draft ? known.apply(id).forDraft() : known.apply(id)),
  ACKNOWLEDGE_RETURN_ITEM(
      ActionKind.ACKNOWLEDGE_RETURN_ITEM,
      "dd_acknowledge_return",
      "dd_view_acknowledge_return",
      null,
      null,
      (d, meta, v, known) -> ModalBuilder.acknowledgeReturn(d, meta, v),
      RequestForms::acknowledgeReturn,
      false),
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
      (d, meta, v, known) -> MoneyModals.makeOffer(d, meta, v),
      MoneyForms::makeOffer,
      true),
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
      (d, meta, v, known) -> MoneyModals.acceptClaim(d, meta, v),
      MoneyForms::acceptClaim,
      true),
  SEND_MESSAGE(
      ActionKind.SEND_MESSAGE,
      "dd_send_message",
      "dd_view_send_message",
      null,
      null,
      (d, meta, v, known) -> ModalBuilder.sendMessage(d, meta, v),
      (f, d) -> RequestForms.sendMessage(f),
      false),
  PROVIDE_SUPPORTING_INFO(
      ActionKind.PROVIDE_SUPPORTING_INFO,
      "dd_supporting_info",
      "dd_view_supporting_info",
      null,
      null,
      (d, meta, v, known) -> EvidenceModals.supportingInfo(d, meta, v),
      (f, d) -> RequestForms.supportingInfo(f),
      false),
  APPEAL(
      ActionKind.APPEAL,
      "dd_appeal",
      "dd_view_appeal",
      null,
      null,
      EvidenceModals::appeal,
      (f, d) -> RequestForms.evidence(f, d, true),
      true,
      (known, id, draft) -> known.apply(id)),
  ESCALATE(
      ActionKind.ESCALATE,
      "dd_escalate",
      "dd_view_escalate",
      null,
      null,
      (d, meta, v, known) -> ModalBuilder.escalate(d, meta, v),
      (f, d) -> RequestForms.escalate(f),
      false),
  UPDATE_CONTACT_DETAILS(
      ActionKind.UPDATE_CONTACT_DETAILS,
      "dd_contact_details",
      "dd_view_contact_details",
      null,
      null,
      (d, meta, v, known) -> ModalBuilder.contactDetails(d, meta),
      (f, d) -> RequestForms.contactDetails(f),
      false);

  /**
   * Draws the action's modal from the dispute, its private metadata, the inputs so far and what
   * fills it besides the dispute.
   */
  @FunctionalInterface
  interface Modal {
    View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known);
  }

  /**
   * What fills the form besides the dispute, from {@code known}, what the bot knows of a dispute's
   * order ({@code draft}: the form edits a saved draft).
   */
  @FunctionalInterface
  interface Prefill {
    EvidencePrefill of(Function<String, EvidencePrefill> known, String disputeId, boolean draft);
  }

  private final ActionKind kind;
  private final String buttonId;
  private final String viewId;
  private final String style;
  private final Confirm confirm;
  private final Modal modal;
  private final BiFunction<FormReader, Dispute, FormResult> reader;
  private final boolean switches;
  private final Prefill prefill;

  CardAction(
      ActionKind kind,
      String buttonId,
      String viewId,
      String style,
      Confirm confirm,
      Modal modal,
      BiFunction<FormReader, Dispute, FormResult> reader,
      boolean switches) {
    this(
        kind,
        buttonId,
        viewId,
        style,
        confirm,
        modal,
        reader,
        switches,
        (known, id, draft) -> EvidencePrefill.NONE);
  }

  CardAction(
      ActionKind kind,
      String buttonId,
      String viewId,
      String style,
      Confirm confirm,
      Modal modal,
      BiFunction<FormReader, Dispute, FormResult> reader,
      boolean switches,
      Prefill prefill) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.buttonId = Objects.requireNonNull(buttonId, "buttonId");
    this.viewId = Objects.requireNonNull(viewId, "viewId");
    this.style = style;
    this.confirm = confirm;
    this.modal = modal;
    this.reader = reader;
    this.switches = switches;
    this.prefill = prefill;
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
    return modal.draw(d, metadata, values, known);
  }

  /**
   * What fills the form besides the dispute (for the evidence forms: what is known of the order).
   */
  EvidencePrefill prefill(
      Function<String, EvidencePrefill> known, String disputeId, boolean draft) {
    return prefill.of(known, disputeId, draft);
  }

  FormResult read(FormReader values, Dispute d) {
    return reader.apply(values, d);
  }

  /**
   * Its menus (offer type, way of accepting, kind of evidence) redraw the form with the inputs
   * PayPal needs.
   */
  boolean switches() {
    return switches;
  }

  /** Its shipment can be added to PayPal's tracking too. */
  boolean carriesShipment() {
    return kind.addsTracking();
  }
}
