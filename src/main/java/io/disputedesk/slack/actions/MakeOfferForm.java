package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_1;
import static io.disputedesk.slack.actions.ModalFields.AMOUNT;
import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalFields.OFFER_TYPE;
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
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Address;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.ResponseRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Make offer: the kind of offer (the menu redraws the form with the inputs PayPal needs for the
 * kind chosen), its amount, a note to the buyer and, where PayPal needs it, the return address.
 * Refuses on its field whatever PayPal would refuse for this dispute ({@link ResponseRules}); an
 * amount is never pre-filled, so leaving it alone sends nothing.
 */
final class MakeOfferForm implements ActionForm {
  @Override
  public View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    List<OfferType> types = offerTypes(d);
    OfferType type = offerType(d, values);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(summary(d));
    blocks.add(
        note(
            ":moneybag: If the buyer accepts, PayPal pays the offer from your balance and closes the case."));
    List<OptionObject> options = types.stream().map(t -> choice(t.name(), offerLabel(t))).toList();
    blocks.add(select(OFFER_TYPE, "Offer", options, find(options, type.name()), false, null, true));
    if (ResponseRules.offerTakesAmount(type)) {
      blocks.add(AmountField.input(d, "Amount", "", values));
    }
    blocks.add(
        noteInput(
            NOTE,
            "Note to the buyer",
            "The buyer sees this with the offer.",
            false,
            values.typed(NOTE)));
    switch (ResponseRules.offerAddress(d, type)) {
      case ALWAYS ->
          blocks.addAll(
              ModalParts.addressInputs(
                  "the buyer sends the item back here before the refund.", true, values));
      case BELOW_DISPUTED ->
          blocks.addAll(
              ModalParts.addressInputs(
                  "PayPal needs it for an offer below "
                      + d.disputeAmount().display()
                      + " on a not-as-described dispute: the buyer sends the item back here."
                      + " Leave it empty to offer the full "
                      + d.disputeAmount().display()
                      + ".",
                  false,
                  values));
      case NONE -> {}
    }
    return modal(CardAction.MAKE_OFFER, "Send offer", metadata, blocks);
  }

  @Override
  public FormResult read(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> note = RequestForms.note(form, errors, true, "a note for the buyer");
    OfferType type =
        RequestForms.choice(form, OFFER_TYPE, OfferType.class, dispute.allowedOfferTypes(), errors);
    if (type == null && !errors.containsKey(OFFER_TYPE)) {
      errors.put(OFFER_TYPE, "Pick the kind of offer.");
    }
    Money amount = null;
    if (type != null && ResponseRules.offerTakesAmount(type)) {
      amount = AmountField.read(form, dispute, errors);
    } else if (type != null && form.text(AMOUNT).isPresent()) {
      errors.put(
          AMOUNT, "A replacement without refund takes no amount: clear it, or offer a refund.");
    }
    Address address = type == null ? null : address(form, dispute, type, amount, errors);
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    Money offered = amount;
    Address returnTo = address;
    return build(
        NOTE,
        () -> new ActionRequest.MakeOffer(note.get(), offered, type, returnTo, null),
        List.of());
  }

  @Override
  public List<String> menus() {
    return List.of(OFFER_TYPE);
  }

  /** The offer types the form offers: PayPal's allowed list (a refund when PayPal lists none). */
  static List<OfferType> offerTypes(Dispute d) {
    List<OfferType> types =
        d.allowedOfferTypes().stream().filter(t -> t != OfferType.UNKNOWN).toList();
    return types.isEmpty() ? List.of(OfferType.REFUND) : types;
  }

  /** The offer type chosen in the form, else a refund, else PayPal's first. */
  static OfferType offerType(Dispute d, FormReader values) {
    List<OfferType> types = offerTypes(d);
    return RequestForms.selected(values, OFFER_TYPE, types)
        .orElseGet(() -> types.contains(OfferType.REFUND) ? OfferType.REFUND : types.get(0));
  }

  /**
   * The return address exactly when PayPal needs it for this offer, with an error on the address
   * otherwise.
   */
  private static Address address(
      FormReader form, Dispute dispute, OfferType type, Money amount, Map<String, String> errors) {
    switch (ResponseRules.offerAddress(dispute, type)) {
      case ALWAYS -> {
        return AddressForm.read(
            form,
            errors,
            "A refund with return needs the address the buyer sends the item back to.");
      }
      case BELOW_DISPUTED -> {
        String full = dispute.disputeAmount().display();
        if (amount != null && ResponseRules.offerNeedsAddress(dispute, type, amount)) {
          return AddressForm.read(
              form,
              errors,
              "PayPal needs the return address for an offer below "
                  + full
                  + " on a not-as-described dispute: the buyer sends the item back here.");
        }
        if (amount != null && AddressForm.anyTyped(form)) {
          errors.put(
              ADDRESS_LINE_1,
              "PayPal takes no return address with an offer of the full "
                  + full
                  + ": clear the address, or offer less.");
        }
        return null;
      }
      default -> {
        if (AddressForm.anyTyped(form)) {
          errors.put(
              ADDRESS_LINE_1,
              "PayPal takes no return address with this kind of offer: clear the address.");
        }
        return null;
      }
    }
  }

  static String offerLabel(OfferType t) {
    return switch (t) {
      case REFUND -> "Refund";
      case REFUND_WITH_RETURN -> "Refund when the item is returned";
      case REFUND_WITH_REPLACEMENT -> "Refund and a replacement";
      case REPLACEMENT_WITHOUT_REFUND -> "Replacement without refund";
      case UNKNOWN -> "Other";
    };
  }
}
