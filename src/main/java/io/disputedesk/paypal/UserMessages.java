package io.disputedesk.paypal;

import java.util.Map;

/** Plain-English sentences for PayPal failures, keyed by issue code first and status second. */
final class UserMessages {

  private static final Map<String, String> BY_ISSUE =
      Map.ofEntries(
          Map.entry(
              PayPalException.ACTION_NOT_ALLOWED,
              "PayPal no longer allows this action on the dispute."),
          Map.entry("INSUFFICIENT_FUNDS", "Your PayPal balance is too low to refund."),
          Map.entry(
              "AMOUNT_SHOULD_NOT_BE_PASSED",
              "PayPal does not take a refund amount for this kind of dispute."),
          Map.entry(
              "INTANGIBLE_ITEM_CANNOT_BE_RETURNED",
              "The item is a service or download that cannot be sent back, so PayPal takes no return address."),
          Map.entry(
              "INVALID_RETURN_SHIPPING_ADDRESS_FORMAT",
              "PayPal could not read the return address: check the street, city and two-letter country code."),
          Map.entry(
              "MISSING_RETURN_SHIPPING_ADDRESS",
              "PayPal needs the address the buyer returns the item to."),
          // PayPal's name for this is misleading: it answers it when an address is missing.
          Map.entry(
              "SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED",
              "On a not-as-described dispute, PayPal needs a return"
                  + " address for an offer below the disputed amount."),
          Map.entry(
              "REFUND_AMOUNT_EXCEEDED",
              "The amount is more than PayPal allows refunding on this dispute."),
          Map.entry("DECIMAL_PRECISION", "The amount has more decimals than its currency allows."),
          Map.entry("CURRENCY_MISMATCH", "The amount must be in the dispute's currency."),
          Map.entry(
              "INVALID_EVIDENCE_FILE",
              "PayPal rejected a file: use JPG, GIF, PNG or PDF, under 10 MB each."),
          Map.entry(
              "INVALID_EVIDENCE_TYPE_PROOF_OF_FULFILLMENT",
              "PayPal does not take proof of fulfillment for this dispute."),
          Map.entry(
              "ITEM_ID_IS_MANDATORY_FOR_MULTIPLE_EVIDENCES",
              "The order has several items: say which item each piece of evidence is for."),
          Map.entry(
              "MISSING_TRACKING_INFO", "Proof of fulfillment needs a carrier and tracking number."),
          Map.entry("MISSING_REFUND_ID", "Proof of refund needs the refund transaction ID."),
          Map.entry(
              "MISSING_EVIDENCE_INFO",
              "Proof of return needs the return's carrier and tracking number."),
          Map.entry("MISSING_EVIDENCE_TYPE", "PayPal needs the type of each piece of evidence."),
          Map.entry(
              "REFUND_DECLINED_BY_COMPLIANCE_SCANNING",
              "PayPal declined the refund after a compliance check."),
          Map.entry("PERMISSION_DENIED", "The bot's PayPal app is not allowed to do this."),
          Map.entry("AUTHORIZATION_ERROR", "The bot's PayPal app is not allowed to do this."),
          Map.entry("INVALID_PAGE_SIZE", "PayPal rejected the page size."),
          Map.entry("INVALID_DATE_RANGE", "PayPal only searches the last 180 days."));

  private UserMessages() {}

  static java.util.Optional<String> forIssue(String issue) {
    return java.util.Optional.ofNullable(issue == null ? null : BY_ISSUE.get(issue));
  }

  static String forFailure(PayPalException e) {
    for (String issue : e.issues()) {
      String text = BY_ISSUE.get(issue);
      if (text != null) {
        return text;
      }
    }
    if (e instanceof ActionOutcomeUnknownException) {
      return "PayPal did not confirm the action: check the dispute before trying again.";
    }
    int status = e.httpStatus();
    if (status == 0 || status >= 500) {
      return "PayPal is not responding right now: try again later.";
    }
    return switch (status) {
      case 401 -> "The bot could not sign in to PayPal: check its PayPal credentials.";
      case 403 -> "The bot's PayPal app is not allowed to do this.";
      case 404 -> "PayPal could not find this dispute.";
      case 429 -> "PayPal is busy: try again in a minute.";
      case 422 -> "PayPal refused this action on the dispute.";
      default -> "PayPal rejected the request.";
    };
  }
}
