package io.disputedesk.slack.actions;

import com.slack.api.model.view.View;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.slack.CardAction;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Each PayPal action offered in Slack, in one place: how its modal is drawn, how its submitted form
 * becomes a request, whether the form redraws on a menu choice and whether it carries a shipment
 * for PayPal's tracking. Its button and ids are its {@link CardAction}; what the action is (its
 * name, role, money, request) is its {@code actions.ActionKind}.
 */
enum ActionForm {
  ACCEPT_CLAIM(
      CardAction.ACCEPT_CLAIM,
      (m, d, meta, v) -> MoneyModals.acceptClaim(d, meta, v),
      MoneyForms::acceptClaim,
      true,
      false),
  MAKE_OFFER(
      CardAction.MAKE_OFFER,
      (m, d, meta, v) -> MoneyModals.makeOffer(d, meta, v),
      MoneyForms::makeOffer,
      true,
      false),
  SEND_MESSAGE(
      CardAction.SEND_MESSAGE,
      (m, d, meta, v) -> ModalBuilder.sendMessage(d, meta, v),
      (f, d) -> RequestForms.sendMessage(f),
      false,
      false),
  PROVIDE_EVIDENCE(
      CardAction.PROVIDE_EVIDENCE,
      ModalBuilder::provideEvidence,
      (f, d) -> RequestForms.evidence(f, d, false),
      true,
      true),
  APPEAL(
      CardAction.APPEAL,
      ModalBuilder::appeal,
      (f, d) -> RequestForms.evidence(f, d, true),
      true,
      true),
  ESCALATE(
      CardAction.ESCALATE,
      (m, d, meta, v) -> ModalBuilder.escalate(d, meta, v),
      (f, d) -> RequestForms.escalate(f),
      false,
      false),
  ACKNOWLEDGE_RETURN_ITEM(
      CardAction.ACKNOWLEDGE_RETURN_ITEM,
      (m, d, meta, v) -> ModalBuilder.acknowledgeReturn(d, meta, v),
      RequestForms::acknowledgeReturn,
      false,
      false),
  PROVIDE_SUPPORTING_INFO(
      CardAction.PROVIDE_SUPPORTING_INFO,
      (m, d, meta, v) -> EvidenceModals.supportingInfo(d, meta, v),
      (f, d) -> RequestForms.supportingInfo(f),
      false,
      false),
  UPDATE_CONTACT_DETAILS(
      CardAction.UPDATE_CONTACT_DETAILS,
      (m, d, meta, v) -> ModalBuilder.contactDetails(d, meta),
      (f, d) -> RequestForms.contactDetails(f),
      false,
      false);

  /** Draws the action's modal from the dispute, its private metadata and the inputs so far. */
  @FunctionalInterface
  interface Modal {
    View draw(ModalBuilder modals, Dispute d, String metadata, FormReader values);
  }

  private final CardAction card;
  private final Modal modal;
  private final BiFunction<FormReader, Dispute, FormResult> reader;
  private final boolean switches;
  private final boolean carriesShipment;

  ActionForm(
      CardAction card,
      Modal modal,
      BiFunction<FormReader, Dispute, FormResult> reader,
      boolean switches,
      boolean carriesShipment) {
    this.card = card;
    this.modal = modal;
    this.reader = reader;
    this.switches = switches;
    this.carriesShipment = carriesShipment;
  }

  static Optional<ActionForm> of(DisputeAction action) {
    return Arrays.stream(values()).filter(f -> f.card.kind().action() == action).findFirst();
  }

  /** The form opened by the card button {@code actionId}. */
  static Optional<ActionForm> byButton(String actionId) {
    return Arrays.stream(values()).filter(f -> f.card.buttonId().equals(actionId)).findFirst();
  }

  /** The form whose modal has the callback id {@code viewId}. */
  static Optional<ActionForm> byView(String viewId) {
    return Arrays.stream(values()).filter(f -> f.card.viewId().equals(viewId)).findFirst();
  }

  DisputeAction action() {
    return card.kind().action();
  }

  String buttonId() {
    return card.buttonId();
  }

  String viewId() {
    return card.viewId();
  }

  View draw(ModalBuilder modals, Dispute d, String metadata, FormReader values) {
    return modal.draw(modals, d, metadata, values);
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
    return carriesShipment;
  }
}
