package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ACCEPT_REASON;
import static io.disputedesk.slack.actions.ModalFields.ACCEPT_TYPE;
import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_1;
import static io.disputedesk.slack.actions.ModalFields.AMOUNT;
import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalParts.choice;
import static io.disputedesk.slack.actions.ModalParts.find;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.select;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.RequestForms.build;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.AcceptClaimReason;
import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Address;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.ResponseRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accept claim: how to accept (the menu redraws the form with the inputs PayPal needs for the type
 * chosen), the refund amount for a partial refund, the reason, a note to PayPal and, for a refund
 * after return, the return address. Refuses on its field whatever PayPal would refuse for this
 * dispute ({@link ResponseRules}); an amount is never pre-filled, so leaving it alone sends
 * nothing.
 */
final class AcceptClaimForm implements ActionForm {
  @Override
  public View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    Money max = d.maxRefund().orElse(null);
    List<AcceptClaimType> types = ResponseRules.acceptTypes(d);
    AcceptClaimType type = acceptType(d, values);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(summary(d));
    String refunds =
        type == AcceptClaimType.PARTIAL_REFUND
            ? "the amount you enter"
            : max == null ? "the buyer" : "*" + max.display() + "*";
    blocks.add(
        note(
            ":warning: Accepting closes the case in the buyer's favour and refunds "
                + refunds
                + " from your PayPal balance."));
    if (!types.isEmpty()) {
      List<OptionObject> options =
          types.stream().map(t -> choice(t.name(), acceptLabel(t))).toList();
      blocks.add(
          select(
              ACCEPT_TYPE,
              "How to accept",
              options,
              find(options, type.name()),
              false,
              null,
              true));
    }
    List<String> refused = refusedAcceptTypes(d);
    if (!refused.isEmpty()) {
      blocks.add(note(":information_source: " + String.join(" ", refused)));
    }
    if (ResponseRules.acceptTakesAmount(type)) {
      blocks.add(
          AmountField.input(
              d,
              "Refund amount",
              " Below the disputed amount, the buyer has to accept it.",
              values));
    }
    List<OptionObject> reasons = new ArrayList<>();
    for (AcceptClaimReason r : AcceptClaimReason.values()) {
      if (r != AcceptClaimReason.UNKNOWN) {
        reasons.add(choice(r.name(), Words.sentence(r.name())));
      }
    }
    blocks.add(
        select(
            ACCEPT_REASON,
            "Reason",
            reasons,
            find(reasons, values.selected(ACCEPT_REASON).orElse(null)),
            true,
            null));
    blocks.add(
        noteInput(
            NOTE,
            "Note to PayPal",
            "PayPal sees this; the buyer does not.",
            false,
            values.typed(NOTE)));
    if (ResponseRules.acceptNeedsAddress(type)) {
      blocks.addAll(
          ModalParts.addressInputs(
              "the buyer sends the item back here before the refund.", true, values));
    }
    return modal(CardAction.ACCEPT_CLAIM, "Refund buyer", metadata, blocks);
  }

  @Override
  public FormResult read(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> note =
        RequestForms.note(form, errors, true, "a note for PayPal (the buyer does not see it)");
    AcceptClaimType type =
        RequestForms.choice(
            form, ACCEPT_TYPE, AcceptClaimType.class, dispute.allowedAcceptClaimTypes(), errors);
    AcceptClaimReason reason =
        RequestForms.choice(form, ACCEPT_REASON, AcceptClaimReason.class, List.of(), errors);
    String refused = type == null ? null : ResponseRules.refusal(dispute, type);
    if ("AMOUNT_SHOULD_NOT_BE_PASSED".equals(refused)) {
      errors.put(
          ACCEPT_TYPE,
          "PayPal takes no partial refund on an item-not-received dispute: accept with a full"
              + " refund, or make an offer instead.");
    } else if ("INTANGIBLE_ITEM_CANNOT_BE_RETURNED".equals(refused)) {
      errors.put(
          ACCEPT_TYPE,
          "A service or download cannot be sent back: accept with a refund without return.");
    }
    Money refund = null;
    if (type != null && ResponseRules.acceptTakesAmount(type)) {
      refund = AmountField.read(form, dispute, errors);
    } else if (form.text(AMOUNT).isPresent()) {
      errors.put(
          AMOUNT, "Only a partial refund takes an amount: clear it, or choose a partial refund.");
    }
    Address address = null;
    if (type != null && ResponseRules.acceptNeedsAddress(type) && refused == null) {
      address =
          AddressForm.read(
              form, errors, "This kind of refund needs the address the item goes back to.");
    } else if (AddressForm.anyTyped(form)) {
      errors.put(
          ADDRESS_LINE_1,
          "PayPal takes a return address only with a refund after return: clear the address.");
    }
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    Money refunded = refund;
    Address returnTo = address;
    return build(
        NOTE,
        () -> new ActionRequest.AcceptClaim(note.get(), reason, type, refunded, returnTo, null),
        List.of());
  }

  @Override
  public List<String> menus() {
    return List.of(ACCEPT_TYPE);
  }

  /**
   * The acceptance type chosen in the form, else a full refund (also when PayPal lists no types).
   */
  static AcceptClaimType acceptType(Dispute d, FormReader values) {
    List<AcceptClaimType> types = ResponseRules.acceptTypes(d);
    return RequestForms.selected(values, ACCEPT_TYPE, types)
        .orElseGet(
            () ->
                types.isEmpty() || types.contains(AcceptClaimType.REFUND)
                    ? AcceptClaimType.REFUND
                    : types.get(0));
  }

  /** Why PayPal's allowed acceptance types are not all in the menu. */
  private static List<String> refusedAcceptTypes(Dispute d) {
    List<String> why = new ArrayList<>();
    for (AcceptClaimType t : d.allowedAcceptClaimTypes()) {
      String issue = t == AcceptClaimType.UNKNOWN ? null : ResponseRules.refusal(d, t);
      if ("AMOUNT_SHOULD_NOT_BE_PASSED".equals(issue)
          && why.stream().noneMatch(w -> w.contains("partial"))) {
        why.add(
            "PayPal takes no partial refund on an item-not-received dispute; make an offer instead.");
      } else if ("INTANGIBLE_ITEM_CANNOT_BE_RETURNED".equals(issue)
          && why.stream().noneMatch(w -> w.contains("sent back"))) {
        why.add(
            "A service or download cannot be sent back, so PayPal takes no refund after return here.");
      }
    }
    return why;
  }

  static String acceptLabel(AcceptClaimType t) {
    return switch (t) {
      case REFUND -> "Full refund";
      case PARTIAL_REFUND -> "Partial refund";
      case REFUND_WITH_RETURN -> "Refund after the item is returned";
      case REFUND_WITH_RETURN_SHIPMENT_LABEL -> "Refund after return, with a shipping label";
      case UNKNOWN -> "Other";
    };
  }
}
