package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ACCEPT_REASON;
import static io.disputedesk.slack.actions.ModalFields.ACCEPT_TYPE;
import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_1;
import static io.disputedesk.slack.actions.ModalFields.AMOUNT;
import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalFields.OFFER_TYPE;
import static io.disputedesk.slack.actions.RequestForms.build;
import static io.disputedesk.slack.actions.RequestForms.choice;
import static io.disputedesk.slack.actions.RequestForms.put;

import io.disputedesk.paypal.AcceptClaimReason;
import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Address;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.ResponseRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Accept claim and Make offer into PayPal requests, refusing on its field whatever PayPal
 * would refuse for this dispute ({@link ResponseRules}): an amount where none is taken or missing
 * where one is needed, an address missing where needed or given where PayPal takes none.
 */
final class MoneyForms {
  private MoneyForms() {}

  static FormResult acceptClaim(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> note = form.longText(NOTE);
    put(errors, NOTE, Checks.note(note, true, "a note for PayPal (the buyer does not see it)"));
    AcceptClaimType type =
        choice(form, ACCEPT_TYPE, AcceptClaimType.class, dispute.allowedAcceptClaimTypes(), errors);
    AcceptClaimReason reason =
        choice(form, ACCEPT_REASON, AcceptClaimReason.class, List.of(), errors);
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
      refund = RequestForms.amount(form, dispute, errors);
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

  static FormResult makeOffer(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> note = form.longText(NOTE);
    put(errors, NOTE, Checks.note(note, true, "a note for the buyer"));
    OfferType type = choice(form, OFFER_TYPE, OfferType.class, dispute.allowedOfferTypes(), errors);
    if (type == null && !errors.containsKey(OFFER_TYPE)) {
      errors.put(OFFER_TYPE, "Pick the kind of offer.");
    }
    Money amount = null;
    if (type != null && ResponseRules.offerTakesAmount(type)) {
      amount = RequestForms.amount(form, dispute, errors);
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
}
