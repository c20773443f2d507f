package io.disputedesk.actions;

import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.slack.Words;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plain-English names, details and consequences of actions, for thread reports, audit and confirmations. */
public final class ActionSummary {
  private static final int EXCERPT = 140;

  private ActionSummary() {}

  /** The action's name as a person says it: "Accept claim" ({@link Words#action}, the one name every surface uses). */
  public static String title(DisputeAction kind) {
    return Words.action(kind);
  }

  /**
   * The money the request moves to the buyer: the refund or offer amount, or for a full refund
   * what PayPal allows (falling back to the disputed amount). Empty when none moves.
   */
  public static Optional<Money> amount(ActionRequest request, Dispute dispute) {
    if (request instanceof ActionRequest.AcceptClaim a) {
      if (a.refundAmount() != null) {
        return Optional.of(a.refundAmount());
      }
      return dispute == null ? Optional.empty() : dispute.maxRefund();
    }
    if (request instanceof ActionRequest.MakeOffer o) {
      return Optional.ofNullable(o.offerAmount());
    }
    return Optional.empty();
  }

  /** What the request says, briefly: "full refund of 49.99 USD", the message excerpt, the evidence types. */
  public static String details(ActionRequest request, Money amount) {
    String money = amount == null ? "" : amount.display();
    if (request instanceof ActionRequest.AcceptClaim a) {
      AcceptClaimType type = a.acceptClaimType() == null ? AcceptClaimType.REFUND : a.acceptClaimType();
      String what = switch (type) {
        case PARTIAL_REFUND -> "partial refund of " + money;
        case REFUND_WITH_RETURN, REFUND_WITH_RETURN_SHIPMENT_LABEL -> "refund of " + money + " after the item is returned";
        default -> "full refund" + (money.isEmpty() ? "" : " of " + money);
      };
      return a.acceptClaimReason() == null ? what : what + " (" + words(a.acceptClaimReason().name()) + ")";
    }
    if (request instanceof ActionRequest.MakeOffer o) {
      return switch (o.offerType()) {
        case REFUND_WITH_RETURN -> "refund of " + money + " after the item is returned";
        case REFUND_WITH_REPLACEMENT -> "refund of " + money + " and a replacement";
        case REPLACEMENT_WITHOUT_REFUND -> "a replacement, no refund";
        default -> "refund of " + money;
      };
    }
    if (request instanceof ActionRequest.SendMessage m) {
      return quote(m.message());
    }
    if (request instanceof ActionRequest.ProvideEvidence e) {
      return evidence(e.evidences());
    }
    if (request instanceof ActionRequest.Appeal a) {
      return evidence(a.evidences());
    }
    if (request instanceof ActionRequest.Escalate e) {
      return quote(e.note());
    }
    if (request instanceof ActionRequest.AcknowledgeReturnItem r) {
      return r.acknowledgementType() == null ? "returned item acknowledged" : words(r.acknowledgementType().name());
    }
    if (request instanceof ActionRequest.ProvideSupportingInfo s) {
      return quote(s.notes());
    }
    if (request instanceof ActionRequest.UpdateContactDetails c) {
      return c.email() + (c.note() == null ? "" : ", " + quote(c.note()));
    }
    return title(request.action()).toLowerCase(Locale.ROOT);
  }

  /** The question a confirmation asks before money moves: "Refund 23.00 USD to the buyer and close the case?" */
  public static String consequence(ActionRequest request, Money amount) {
    String money = amount == null ? "the disputed amount" : amount.display();
    if (request instanceof ActionRequest.AcceptClaim) {
      return "Refund " + money + " to the buyer and close the case?";
    }
    if (request instanceof ActionRequest.MakeOffer o) {
      return o.offerType() == OfferType.REPLACEMENT_WITHOUT_REFUND
          ? "Offer the buyer a replacement without a refund?"
          : "Offer the buyer a refund of " + money + "? If the buyer accepts, PayPal pays it from your balance.";
    }
    return title(request.action()) + "?";
  }

  /** "PROOF_OF_DELIVERY" → "proof of delivery". */
  public static String words(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String evidence(List<EvidenceInput> evidences) {
    return evidences.stream().map(e -> words(e.evidenceType())).collect(Collectors.joining(", "));
  }

  private static String quote(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return "“" + (oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT - 1) + "…") + "”";
  }
}
