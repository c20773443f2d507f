package io.disputedesk.actions;

import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Address;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plain-English pieces the action descriptors describe their requests with, for thread reports,
 * audit and confirmations.
 */
public final class ActionSummary {
  private static final int EXCERPT = 140;
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ActionSummary() {}

  // What each kind says, chosen by its descriptor.

  /**
   * Accepting a claim refunds what it names, or for a full refund what PayPal allows (falling back
   * to the disputed amount).
   */
  public static Optional<Money> refundAmount(ActionRequest.AcceptClaim a, Dispute dispute) {
    if (a.refundAmount() != null) {
      return Optional.of(a.refundAmount());
    }
    return dispute == null ? Optional.empty() : dispute.maxRefund();
  }

  public static String refundDetails(ActionRequest.AcceptClaim a, Money amount) {
    String money = amount == null ? "" : amount.display();
    AcceptClaimType type =
        a.acceptClaimType() == null ? AcceptClaimType.REFUND : a.acceptClaimType();
    String what =
        switch (type) {
          case PARTIAL_REFUND -> "partial refund of " + money;
          case REFUND_WITH_RETURN, REFUND_WITH_RETURN_SHIPMENT_LABEL ->
              "refund of " + money + " after the item is returned";
          default -> "full refund" + (money.isEmpty() ? "" : " of " + money);
        };
    what =
        a.acceptClaimReason() == null
            ? what
            : what + " (" + words(a.acceptClaimReason().name()) + ")";
    return what + returnTo(a.returnShippingAddress());
  }

  public static String offerDetails(ActionRequest.MakeOffer o, Money amount) {
    String money = amount == null ? "" : amount.display();
    String what =
        switch (o.offerType()) {
          case REFUND_WITH_RETURN -> "refund of " + money + " after the item is returned";
          case REFUND_WITH_REPLACEMENT -> "refund of " + money + " and a replacement";
          case REPLACEMENT_WITHOUT_REFUND -> "a replacement, no refund";
          default -> "refund of " + money;
        };
    return what + returnTo(o.returnShippingAddress());
  }

  public static String offerQuestion(ActionRequest.MakeOffer o, String money) {
    return o.offerType() == OfferType.REPLACEMENT_WITHOUT_REFUND
        ? "Offer the buyer a replacement without a refund?"
        : "Offer the buyer a refund of "
            + money
            + "? If the buyer accepts, PayPal pays it from your balance.";
  }

  /** "PROOF_OF_DELIVERY" → "proof of delivery". */
  public static String words(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  public static String evidence(List<EvidenceInput> evidences) {
    return evidences.stream().map(ActionSummary::evidence).collect(Collectors.joining(", "));
  }

  /** "proof of fulfillment (tracking 1Z99 with UPS, item 1)". */
  private static String evidence(EvidenceInput e) {
    List<String> parts = new ArrayList<>();
    if (e.evidenceInfo() != null && e.evidenceInfo().trackingInfo() != null) {
      for (Dispute.TrackingInfo t : e.evidenceInfo().trackingInfo()) {
        String carrier =
            t.carrierNameOther() != null
                ? t.carrierNameOther()
                : t.carrierName() == null ? null : Words.carrier(t.carrierName());
        parts.add("tracking " + t.trackingNumber() + (carrier == null ? "" : " with " + carrier));
      }
    }
    if (e.evidenceInfo() != null
        && e.evidenceInfo().refundIds() != null
        && !e.evidenceInfo().refundIds().isEmpty()) {
      parts.add(
          (e.evidenceInfo().refundIds().size() == 1 ? "refund " : "refunds ")
              + String.join(", ", e.evidenceInfo().refundIds()));
    }
    if (e.itemId() != null) {
      parts.add("item " + e.itemId());
    }
    return words(e.evidenceType()) + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }

  /** ", return to 1 High Street, London, GB" for a request that sends a return address. */
  private static String returnTo(Address a) {
    if (a == null) {
      return "";
    }
    return ", return to "
        + java.util.stream.Stream.of(
                a.addressLine1(),
                a.addressLine2(),
                a.adminArea2(),
                a.adminArea1(),
                a.postalCode(),
                a.countryCode())
            .filter(x -> x != null && !x.isBlank())
            .collect(Collectors.joining(", "));
  }

  public static String quote(String text) {
    String oneLine = SPACES.matcher(text.strip()).replaceAll(" ");
    return "“"
        + (oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT - 1) + "…")
        + "”";
  }
}
