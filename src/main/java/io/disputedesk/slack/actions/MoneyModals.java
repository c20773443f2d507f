package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalParts.choice;
import static io.disputedesk.slack.actions.ModalParts.find;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.select;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.ModalParts.textInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionKind;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.AcceptClaimReason;
import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.ResponseRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The modals that move money: Accept claim and Make offer. Each shows the inputs PayPal needs for
 * the type chosen in its menu (the menu dispatches its choice and the form is redrawn, see {@link
 * FormSwitches}); an amount is never pre-filled, so leaving it alone sends nothing.
 */
final class MoneyModals {
  private MoneyModals() {}

  static View acceptClaim(Dispute d, String metadata, FormReader values) {
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
              ModalFields.ACCEPT_TYPE,
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
      String currency = currency(d);
      blocks.add(
          textInput(
              ModalFields.AMOUNT,
              "Refund amount (" + currency + ")",
              amountHint(d, max) + " Below the disputed amount, the buyer has to accept it.",
              false,
              false,
              values.typed(ModalFields.AMOUNT)));
    }
    List<OptionObject> reasons = new ArrayList<>();
    for (AcceptClaimReason r : AcceptClaimReason.values()) {
      if (r != AcceptClaimReason.UNKNOWN) {
        reasons.add(choice(r.name(), Words.sentence(r.name())));
      }
    }
    blocks.add(
        select(
            ModalFields.ACCEPT_REASON,
            "Reason",
            reasons,
            find(reasons, values.selected(ModalFields.ACCEPT_REASON).orElse(null)),
            true,
            null));
    blocks.add(
        noteInput(
            ModalFields.NOTE,
            "Note to PayPal",
            "PayPal sees this; the buyer does not.",
            false,
            values.typed(ModalFields.NOTE)));
    if (ResponseRules.acceptNeedsAddress(type)) {
      blocks.addAll(
          ModalParts.addressInputs(
              "the buyer sends the item back here before the refund.", true, values));
    }
    return modal(
        CardAction.ACCEPT_CLAIM.viewId(),
        ActionKind.of(DisputeAction.ACCEPT_CLAIM).title(),
        "Refund buyer",
        metadata,
        blocks);
  }

  static View makeOffer(Dispute d, String metadata, FormReader values) {
    Money max = d.maxRefund().orElse(null);
    List<OfferType> types = offerTypes(d);
    OfferType type = offerType(d, values);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(summary(d));
    blocks.add(
        note(
            ":moneybag: If the buyer accepts, PayPal pays the offer from your balance and closes the case."));
    List<OptionObject> options = types.stream().map(t -> choice(t.name(), offerLabel(t))).toList();
    blocks.add(
        select(
            ModalFields.OFFER_TYPE,
            "Offer",
            options,
            find(options, type.name()),
            false,
            null,
            true));
    if (ResponseRules.offerTakesAmount(type)) {
      blocks.add(
          textInput(
              ModalFields.AMOUNT,
              "Amount (" + currency(d) + ")",
              amountHint(d, max),
              false,
              false,
              values.typed(ModalFields.AMOUNT)));
    }
    blocks.add(
        noteInput(
            ModalFields.NOTE,
            "Note to the buyer",
            "The buyer sees this with the offer.",
            false,
            values.typed(ModalFields.NOTE)));
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
    return modal(
        CardAction.MAKE_OFFER.viewId(),
        ActionKind.of(DisputeAction.MAKE_OFFER).title(),
        "Send offer",
        metadata,
        blocks);
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
    for (OfferType t : types) {
      if (values.selected(ModalFields.OFFER_TYPE).filter(t.name()::equals).isPresent()) {
        return t;
      }
    }
    return types.contains(OfferType.REFUND) ? OfferType.REFUND : types.get(0);
  }

  /**
   * The acceptance type chosen in the form, else a full refund (also when PayPal lists no types).
   */
  static AcceptClaimType acceptType(Dispute d, FormReader values) {
    List<AcceptClaimType> types = ResponseRules.acceptTypes(d);
    for (AcceptClaimType t : types) {
      if (values.selected(ModalFields.ACCEPT_TYPE).filter(t.name()::equals).isPresent()) {
        return t;
      }
    }
    return types.isEmpty() || types.contains(AcceptClaimType.REFUND)
        ? AcceptClaimType.REFUND
        : types.get(0);
  }

  /** "The buyer disputed 129.99 GBP; PayPal lets you refund up to 129.99 GBP." */
  private static String amountHint(Dispute d, Money max) {
    String disputed =
        d.disputeAmount() == null ? "" : "The buyer disputed " + d.disputeAmount().display() + "; ";
    String most = max == null ? "" : "PayPal lets you refund up to " + max.display() + ".";
    String hint = (disputed + most).strip();
    return hint.isEmpty()
        ? "The amount to refund."
        : Character.toUpperCase(hint.charAt(0)) + hint.substring(1);
  }

  private static String currency(Dispute d) {
    Money max = d.maxRefund().orElse(null);
    return max != null ? max.currencyCode() : "USD";
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
