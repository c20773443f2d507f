package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.AMOUNT;
import static io.disputedesk.slack.actions.ModalParts.textInput;
import static io.disputedesk.slack.actions.RequestForms.put;

import com.slack.api.model.block.LayoutBlock;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import java.util.Map;

/** The amount of a refund or offer, as both money forms draw its hint and read it. */
final class AmountField {
  private AmountField() {}

  /**
   * The amount input, labelled {@code label} and the currency, its hint saying what PayPal allows
   * followed by {@code moreHint}; shows what was typed before, never a pre-filled amount.
   */
  static LayoutBlock input(Dispute d, String label, String moreHint, FormReader values) {
    return textInput(
        AMOUNT,
        label + " (" + currency(d) + ")",
        hint(d, d.maxRefund().orElse(null)) + moreHint,
        false,
        false,
        values.typed(AMOUNT));
  }

  /** "The buyer disputed 129.99 GBP; PayPal lets you refund up to 129.99 GBP." */
  private static String hint(Dispute d, Money max) {
    String disputed =
        d.disputeAmount() == null ? "" : "The buyer disputed " + d.disputeAmount().display() + "; ";
    String most = max == null ? "" : "PayPal lets you refund up to " + max.display() + ".";
    String hint = (disputed + most).strip();
    return hint.isEmpty()
        ? "The amount to refund."
        : Character.toUpperCase(hint.charAt(0)) + hint.substring(1);
  }

  /**
   * The currency the amount input's label names: that of the most PayPal lets the seller refund.
   */
  private static String currency(Dispute d) {
    Money max = d.maxRefund().orElse(null);
    return max != null ? max.currencyCode() : "USD";
  }

  /**
   * The amount typed, in the currency of the most PayPal lets the seller refund (else the disputed
   * amount's), checked against that most; an error on the input instead when it does not fit.
   */
  static Money read(FormReader form, Dispute dispute, Map<String, String> errors) {
    Money max = dispute.maxRefund().orElse(null);
    String currency =
        max != null
            ? max.currencyCode()
            : dispute.disputeAmount() != null ? dispute.disputeAmount().currencyCode() : "USD";
    Checks.Amount amount = Checks.amount(form.text(AMOUNT), currency, max);
    put(errors, AMOUNT, amount.error());
    return amount.money();
  }
}
