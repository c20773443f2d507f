package io.disputedesk.slack.actions;

import com.slack.api.model.view.View;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.slack.CardAction;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Each PayPal action offered in Slack, in one place: how its modal is drawn and what pre-fills it,
 * how its submitted form becomes a request and whether the form redraws on a menu choice. Its
 * button and ids are its {@link CardAction}; what the action is (its name, role, money, request,
 * whether it carries a shipment for PayPal's tracking) is its {@code actions.ActionKind}.
 */
enum ActionForm {
  ACCEPT_CLAIM(
      CardAction.ACCEPT_CLAIM,
      (d, meta, v, known) -> MoneyModals.acceptClaim(d, meta, v),
      MoneyForms::acceptClaim,
      true),
  MAKE_OFFER(
      CardAction.MAKE_OFFER,
      (d, meta, v, known) -> MoneyModals.makeOffer(d, meta, v),
      MoneyForms::makeOffer,
      true),
  SEND_MESSAGE(
      CardAction.SEND_MESSAGE,
      (d, meta, v, known) -> ModalBuilder.sendMessage(d, meta, v),
      (f, d) -> RequestForms.sendMessage(f),
      false),
  PROVIDE_EVIDENCE(
      CardAction.PROVIDE_EVIDENCE,
      EvidenceModals::provideEvidence,
      (f, d) -> RequestForms.evidence(f, d, false),
      true,
      (known, id, draft) -> draft ? known.apply(id).forDraft() : known.apply(id)),
  APPEAL(
      CardAction.APPEAL,
      EvidenceModals::appeal,
      (f, d) -> RequestForms.evidence(f, d, true),
      true,
      (known, id, draft) -> known.apply(id)),
  ESCALATE(
      CardAction.ESCALATE,
      (d, meta, v, known) -> ModalBuilder.escalate(d, meta, v),
      (f, d) -> RequestForms.escalate(f),
      false),
  ACKNOWLEDGE_RETURN_ITEM(
      CardAction.ACKNOWLEDGE_RETURN_ITEM,
      (d, meta, v, known) -> ModalBuilder.acknowledgeReturn(d, meta, v),
      RequestForms::acknowledgeReturn,
      false),
  PROVIDE_SUPPORTING_INFO(
      CardAction.PROVIDE_SUPPORTING_INFO,
      (d, meta, v, known) -> EvidenceModals.supportingInfo(d, meta, v),
      (f, d) -> RequestForms.supportingInfo(f),
      false),
  UPDATE_CONTACT_DETAILS(
      CardAction.UPDATE_CONTACT_DETAILS,
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

  private final CardAction card;
  private final Modal modal;
  private final BiFunction<FormReader, Dispute, FormResult> reader;
  private final boolean switches;
  private final Prefill prefill;

  ActionForm(
      CardAction card,
      Modal modal,
      BiFunction<FormReader, Dispute, FormResult> reader,
      boolean switches) {
    this(card, modal, reader, switches, (known, id, draft) -> EvidencePrefill.NONE);
  }

  ActionForm(
      CardAction card,
      Modal modal,
      BiFunction<FormReader, Dispute, FormResult> reader,
      boolean switches,
      Prefill prefill) {
    this.card = card;
    this.modal = modal;
    this.reader = reader;
    this.switches = switches;
    this.prefill = prefill;
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
    return card.kind().addsTracking();
  }
}
