package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalParts.choice;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.plain;
import static io.disputedesk.slack.actions.ModalParts.select;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.ModalParts.textInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.paypal.AcceptClaimReason;
import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.Words;
import java.util.ArrayList;
import java.util.List;

/** The modals that move money: Accept claim and Make offer. */
final class MoneyModals {
  private MoneyModals() {}

  static View acceptClaim(Dispute d, String metadata) {
    Money max = d.maxRefund().orElse(null);
    List<AcceptClaimType> types = d.allowedAcceptClaimTypes();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(summary(d));
    blocks.add(note(":warning: Accepting closes the case in the buyer's favour and refunds "
        + (max == null ? "the buyer" : "up to *" + Words.money(max) + "*") + " from your PayPal balance."));
    if (!types.isEmpty()) {
      List<OptionObject> options = types.stream().map(t -> choice(t.name(), acceptLabel(t))).toList();
      OptionObject initial = options.get(types.contains(AcceptClaimType.REFUND) ? types.indexOf(AcceptClaimType.REFUND) : 0);
      blocks.add(select(ModalFields.ACCEPT_TYPE, "How to accept", options, initial, false, null));
    }
    if (types.contains(AcceptClaimType.PARTIAL_REFUND) && max != null) {
      blocks.add(textInput(ModalFields.AMOUNT, "Refund amount (" + max.currencyCode() + ")",
          "For a partial refund only. At most " + Words.money(max) + ".", false, true, plain(max)));
    }
    List<OptionObject> reasons = new ArrayList<>();
    for (AcceptClaimReason r : AcceptClaimReason.values()) {
      if (r != AcceptClaimReason.UNKNOWN) {
        reasons.add(choice(r.name(), Words.sentence(r.name())));
      }
    }
    blocks.add(select(ModalFields.ACCEPT_REASON, "Reason", reasons, null, true, null));
    blocks.add(noteInput(ModalFields.NOTE, "Note to PayPal", "PayPal sees this; the buyer does not.", false));
    if (types.contains(AcceptClaimType.REFUND_WITH_RETURN)
        || types.contains(AcceptClaimType.REFUND_WITH_RETURN_SHIPMENT_LABEL)) {
      blocks.addAll(ModalParts.addressInputs("needed only for a refund after the item is returned."));
    }
    return modal(Ids.VIEW_ACCEPT_CLAIM, Words.action(DisputeAction.ACCEPT_CLAIM), "Refund buyer", metadata, blocks);
  }

  static View makeOffer(Dispute d, String metadata) {
    Money max = d.maxRefund().orElse(null);
    Money disputed = d.disputeAmount() != null ? d.disputeAmount() : max;
    List<OfferType> types = d.allowedOfferTypes().isEmpty() ? List.of(OfferType.REFUND) : d.allowedOfferTypes();
    List<OptionObject> options = types.stream().filter(t -> t != OfferType.UNKNOWN)
        .map(t -> choice(t.name(), offerLabel(t))).toList();
    OptionObject initial = options.isEmpty() ? null
        : options.get(types.contains(OfferType.REFUND) ? types.indexOf(OfferType.REFUND) : 0);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(summary(d));
    blocks.add(note(":moneybag: If the buyer accepts, PayPal pays the offer from your balance and closes the case."));
    blocks.add(select(ModalFields.OFFER_TYPE, "Offer", options, initial, false, null));
    if (disputed != null) {
      String currency = disputed.currencyCode();
      blocks.add(textInput(ModalFields.AMOUNT, "Amount (" + currency + ")", (max == null ? "" : "At most "
          + Words.money(max) + ". ") + "Not used for a replacement without refund.", false, true, plain(disputed)));
    }
    blocks.add(noteInput(ModalFields.NOTE, "Note to the buyer", "The buyer sees this with the offer.", false));
    if (types.contains(OfferType.REFUND_WITH_RETURN)) {
      blocks.addAll(ModalParts.addressInputs("needed only for a refund with return."));
    }
    return modal(Ids.VIEW_MAKE_OFFER, Words.action(DisputeAction.MAKE_OFFER), "Send offer", metadata, blocks);
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
