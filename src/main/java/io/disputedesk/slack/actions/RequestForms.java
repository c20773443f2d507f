package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ACK_TYPE;
import static io.disputedesk.slack.actions.ModalFields.AMOUNT;
import static io.disputedesk.slack.actions.ModalFields.CARRIER;
import static io.disputedesk.slack.actions.ModalFields.EMAIL;
import static io.disputedesk.slack.actions.ModalFields.EVIDENCE_TYPE;
import static io.disputedesk.slack.actions.ModalFields.FILES;
import static io.disputedesk.slack.actions.ModalFields.ITEM;
import static io.disputedesk.slack.actions.ModalFields.MESSAGE;
import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalFields.REFUND_ID;
import static io.disputedesk.slack.actions.ModalFields.TRACKING;

import com.slack.api.model.File;
import io.disputedesk.actions.ActionSummary;
import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.ResponseRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns each action modal's submitted inputs into a PayPal request, or into errors per input. */
final class RequestForms {
  private RequestForms() {}

  static FormResult sendMessage(FormReader form) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> message = form.longText(MESSAGE);
    put(errors, MESSAGE, Checks.note(message, true, "a message for the buyer"));
    List<File> files = form.files(FILES);
    put(errors, FILES, Checks.files(files));
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    return build(MESSAGE, () -> new ActionRequest.SendMessage(message.get()), files);
  }

  /**
   * Provide evidence, or appeal with the same inputs: the kind's own details (the shipment's
   * carrier and tracking number, the refund ids), the item when the order has several, and notes or
   * files for the other kinds.
   */
  static FormResult evidence(FormReader form, Dispute dispute, boolean appeal) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> offered =
        EvidenceModals.types(dispute, appeal ? List.of("APPEAL_AFFIDAVIT") : List.of());
    Optional<String> type = form.selected(EVIDENCE_TYPE);
    if (type.isEmpty()) {
      errors.put(EVIDENCE_TYPE, "Pick the kind of evidence.");
    } else if (!offered.contains(type.get())) {
      errors.put(
          EVIDENCE_TYPE,
          ResponseRules.evidenceFits(dispute, type.get())
              ? "Pick one of the options."
              : "PayPal takes no proof of fulfillment on this kind of dispute; pick another kind.");
    }
    String item = null;
    if (ResponseRules.evidenceNeedsItem(dispute)) {
      List<String> ids = ResponseRules.items(dispute).stream().map(Dispute.Item::itemId).toList();
      item = form.selected(ITEM).filter(ids::contains).orElse(null);
      put(errors, ITEM, item == null ? "Pick the item this evidence is about." : null);
    }
    Optional<String> notes = form.longText(NOTE);
    put(errors, NOTE, Checks.note(notes, false, "notes"));
    List<File> files = form.files(FILES);
    put(errors, FILES, Checks.files(files));
    Optional<String> carrier = form.text(CARRIER);
    Optional<String> tracking = form.text(TRACKING);
    List<String> refundIds =
        form.text(REFUND_ID).map(t -> List.of(t.split("[,;\\s]+"))).orElse(List.of()).stream()
            .filter(x -> !x.isBlank())
            .toList();
    String kind = type.orElse("");
    String what = ActionSummary.words(kind);
    if (ResponseRules.evidenceNeedsTracking(kind)) {
      put(
          errors,
          CARRIER,
          carrier.isEmpty()
              ? Character.toUpperCase(what.charAt(0))
                  + what.substring(1)
                  + " needs the carrier, e.g. UPS."
              : null);
      put(
          errors,
          TRACKING,
          tracking.isEmpty()
              ? Character.toUpperCase(what.charAt(0))
                  + what.substring(1)
                  + " needs the tracking number."
              : null);
    } else if (ResponseRules.evidenceNeedsRefundIds(kind)) {
      put(
          errors,
          REFUND_ID,
          refundIds.isEmpty() ? "Proof of refund needs the refund's transaction ID." : null);
    } else if (type.isPresent()
        && notes.isEmpty()
        && files.isEmpty()
        && !errors.containsKey(FILES)) {
      errors.put(NOTE, "Add notes or attach a file.");
    }
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    String text = notes.orElse(null);
    String itemId = item;
    return build(
        EVIDENCE_TYPE,
        () -> {
          EvidenceInput evidence =
              ResponseRules.evidenceNeedsTracking(kind)
                  ? EvidenceInput.shipment(kind, carrier.get(), tracking.get(), text, itemId)
                  : ResponseRules.evidenceNeedsRefundIds(kind)
                      ? EvidenceInput.proofOfRefund(refundIds, text).forItem(itemId)
                      : EvidenceInput.of(kind, text, null).forItem(itemId);
          return appeal
              ? new ActionRequest.Appeal(List.of(evidence), null)
              : new ActionRequest.ProvideEvidence(List.of(evidence), null);
        },
        files);
  }

  static FormResult escalate(FormReader form) {
    Optional<String> note = form.longText(NOTE);
    String error = Checks.note(note, true, "why PayPal should decide (PayPal reads this)");
    if (error != null) {
      return new FormResult.Invalid(Map.of(NOTE, error));
    }
    return build(NOTE, () -> new ActionRequest.Escalate(note.get()), List.of());
  }

  static FormResult acknowledgeReturn(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> note = form.longText(NOTE);
    put(errors, NOTE, Checks.note(note, false, "a note"));
    AcknowledgementType type =
        choice(
            form,
            ACK_TYPE,
            AcknowledgementType.class,
            dispute.allowedAcknowledgementTypes(),
            errors);
    if (type == null && !errors.containsKey(ACK_TYPE)) {
      errors.put(ACK_TYPE, "Say what came back.");
    }
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    return build(
        NOTE, () -> new ActionRequest.AcknowledgeReturnItem(note.orElse(null), type), List.of());
  }

  static FormResult supportingInfo(FormReader form) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> notes = form.longText(NOTE);
    put(errors, NOTE, Checks.note(notes, true, "the information for PayPal"));
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    return build(NOTE, () -> new ActionRequest.ProvideSupportingInfo(notes.get()), List.of());
  }

  /** The seller's contact details for the buyer: an email address, and an optional note. */
  static FormResult contactDetails(FormReader form) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> email = form.text(EMAIL);
    if (email.isEmpty()) {
      errors.put(EMAIL, "Give the email address the buyer can write to.");
    } else if (!Checks.email(email.get())) {
      errors.put(EMAIL, "That is not an email address, e.g. disputes@yourshop.example.");
    }
    Optional<String> note = form.longText(NOTE);
    put(errors, NOTE, Checks.note(note, false, "a note"));
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    return build(
        EMAIL,
        () -> new ActionRequest.UpdateContactDetails(email.get(), note.orElse(null)),
        List.of());
  }

  static Money amount(FormReader form, Dispute dispute, Map<String, String> errors) {
    Money max = dispute.maxRefund().orElse(null);
    String currency =
        max != null
            ? max.currencyCode()
            : dispute.disputeAmount() != null ? dispute.disputeAmount().currencyCode() : "USD";
    Checks.Amount amount = Checks.amount(form.text(AMOUNT), currency, max);
    put(errors, AMOUNT, amount.error());
    return amount.money();
  }

  /** The selected option as an enum value; must be one of {@code allowed} unless that is empty. */
  static <E extends Enum<E>> E choice(
      FormReader form, String block, Class<E> type, List<E> allowed, Map<String, String> errors) {
    Optional<String> selected = form.selected(block);
    if (selected.isEmpty()) {
      return null;
    }
    try {
      E value = Enum.valueOf(type, selected.get());
      if (value.name().equals("UNKNOWN") || (!allowed.isEmpty() && !allowed.contains(value))) {
        errors.put(block, "PayPal does not allow this option on the dispute any more.");
        return null;
      }
      return value;
    } catch (IllegalArgumentException e) {
      errors.put(block, "Pick one of the options.");
      return null;
    }
  }

  interface RequestMaker {
    ActionRequest make();
  }

  /**
   * The request, or the rule it broke shown on {@code block} (the record checks PayPal's schema).
   */
  static FormResult build(String block, RequestMaker maker, List<File> files) {
    try {
      return new FormResult.Valid(maker.make(), files);
    } catch (IllegalArgumentException e) {
      return new FormResult.Invalid(
          Map.of(block, "PayPal would not accept this: " + e.getMessage() + "."));
    }
  }

  static void put(Map<String, String> errors, String block, String error) {
    if (error != null) {
      errors.put(block, error);
    }
  }
}
