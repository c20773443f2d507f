package io.disputedesk.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.composition.ConfirmationDialogObject;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;

/**
 * Confirmation dialogs for buttons that move money: they state the consequence and the amount.
 * Card and approval buttons use them (Slack limits: title 100, text 300, buttons 30 characters).
 */
public final class Confirmations {
  private Confirmations() {}

  /** For a card's Accept claim button: refunding up to what PayPal allows closes the case. */
  public static ConfirmationDialogObject acceptClaim(Dispute dispute) {
    String amount = dispute.maxRefund().map(Money::display).orElse("the disputed amount");
    return dialog("Accept the claim?", "Refund " + amount + " to the buyer and close the case? You can lower"
        + " the amount on the next screen where PayPal allows a partial refund.", "Continue");
  }

  /** For a card's Make offer button. */
  public static ConfirmationDialogObject makeOffer(Dispute dispute) {
    String amount = dispute.disputeAmount() == null ? "money" : dispute.disputeAmount().display();
    return dialog("Make an offer?", "Offer the buyer up to " + amount + "? If the buyer accepts, PayPal pays it"
        + " from your balance and closes the case.", "Continue");
  }

  /** For an Approve button: {@code question} is the request's consequence, e.g. "Refund 23.00 USD …?". */
  public static ConfirmationDialogObject approve(String question) {
    return dialog("Approve and send to PayPal?", question, "Approve");
  }

  static ConfirmationDialogObject dialog(String title, String text, String confirm) {
    return ConfirmationDialogObject.builder()
        .title(plainText(clip(title, 100)))
        .text(plainText(clip(text, 300)))
        .confirm(plainText(clip(confirm, 30)))
        .deny(plainText("Cancel"))
        .style("primary")
        .build();
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
