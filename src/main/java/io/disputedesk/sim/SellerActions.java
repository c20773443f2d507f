package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The seller's POST actions and the sandbox's adjudicate/require-evidence: each checks that its
 * link is offered, validates the body like PayPal, then changes the dispute.
 */
final class SellerActions {
  static final Set<String> OPERATIONS =
      Set.of(
          "send-message",
          "make-offer",
          "accept-claim",
          "provide-evidence",
          "appeal",
          "escalate",
          "acknowledge-return-item",
          "provide-supporting-info",
          "adjudicate",
          "require-evidence");
  static final Set<String> MULTIPART_ONLY = Set.of("provide-evidence", "appeal");
  private static final List<String> OFFER_TYPES =
      List.of(
          "REFUND", "REFUND_WITH_RETURN", "REFUND_WITH_REPLACEMENT", "REPLACEMENT_WITHOUT_REFUND");
  private static final List<String> ACCEPT_TYPES =
      List.of(
          "REFUND", "REFUND_WITH_RETURN", "PARTIAL_REFUND", "REFUND_WITH_RETURN_SHIPMENT_LABEL");
  private static final List<String> ACCEPT_REASONS =
      List.of(
          "DID_NOT_SHIP_ITEM",
          "TOO_TIME_CONSUMING",
          "LOST_IN_MAIL",
          "NOT_ABLE_TO_WIN",
          "COMPANY_POLICY",
          "REASON_NOT_SET");
  private static final Set<String> INTANGIBLE = Set.of("SERVICE", "DIGITAL_DOWNLOAD", "BOOKING");

  private final DisputeJson json;
  private final EvidenceActions evidence = new EvidenceActions();

  SellerActions(DisputeJson json) {
    this.json = json;
  }

  void apply(String operation, SimDispute d, ActionInput in, Instant now) {
    if (!json.actions(d).contains(operation.replace('-', '_'))) {
      throw SimError.notAllowed();
    }
    switch (operation) {
      case "send-message" -> sendMessage(d, in, now);
      case "make-offer" -> makeOffer(d, in, now);
      case "accept-claim" -> acceptClaim(d, in, now);
      case "escalate" -> escalate(d, in, now);
      case "provide-supporting-info" -> supportingInfo(d, in, now);
      case "adjudicate" -> adjudicate(d, in, now);
      case "require-evidence" -> requireEvidence(d, in, now);
      case "provide-evidence" -> evidence.provideEvidence(d, in, now);
      case "appeal" -> evidence.appeal(d, in, now);
      case "acknowledge-return-item" -> evidence.acknowledgeReturn(d, in, now);
      default -> throw new IllegalArgumentException("not an action: " + operation);
    }
  }

  private static void sendMessage(SimDispute d, ActionInput in, Instant now) {
    String message = Fields.requiredText(in.json, "/message", 2000);
    in.checkFiles();
    d.addMessage("SELLER", message, in.documents(), now);
  }

  private static void makeOffer(SimDispute d, ActionInput in, Instant now) {
    String note = Fields.requiredText(in.json, "/note", 2000);
    String type = Fields.requiredEnum(in.json, "/offer_type", OFFER_TYPES);
    BigDecimal amount = optionalMoney(in.json, "/offer_amount");
    JsonNode address = Fields.optionalAddress(in.json, "/return_shipping_address");
    invoiceId(in.json);
    if (!d.offerTypes.contains(type)) {
      throw SimError.unprocessable(
          "/offer_type",
          type,
          "ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE",
          "This offer type is not in allowed_response_options.make_offer.offer_types.");
    }
    if (type.equals("REPLACEMENT_WITHOUT_REFUND")) {
      if (amount != null) {
        throw SimError.unprocessable(
            "/offer_amount",
            null,
            "AMOUNT_SHOULD_NOT_BE_PASSED",
            "A replacement without refund takes no offer_amount.");
      }
    } else if (amount == null) {
      throw SimError.missing("/offer_amount");
    } else {
      checkAmount(d, in.json.at("/offer_amount"), amount, "/offer_amount");
    }
    if (type.equals("REFUND_WITH_RETURN") && address == null) {
      throw SimError.unprocessable(
          "/return_shipping_address",
          null,
          "MISSING_RETURN_SHIPPING_ADDRESS",
          "A refund with return needs the return shipping address.");
    }
    if (d.reason.isNotAsDescribed()
        && amount != null
        && amount.compareTo(d.amount) < 0
        && address == null) {
      // PayPal's (confusingly named) answer when a not-as-described offer below the disputed amount
      // lacks the address the buyer returns the item to.
      throw SimError.unprocessable(
          "/return_shipping_address",
          null,
          "SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED",
          "An offer below the requested amount on a not-as-described dispute needs a return address.");
    }
    d.sellerOffered = amount;
    d.offerType = type;
    d.recordOffer("SELLER", "PROPOSED", type, amount, note, now);
    d.waitForBuyer(now.plus(SimDispute.RESPONSE_WINDOW));
  }

  private static void acceptClaim(SimDispute d, ActionInput in, Instant now) {
    Fields.requiredText(in.json, "/note", 2000);
    Fields.optionalEnum(in.json, "/accept_claim_reason", ACCEPT_REASONS);
    String type = Fields.optionalEnum(in.json, "/accept_claim_type", ACCEPT_TYPES);
    BigDecimal refund = optionalMoney(in.json, "/refund_amount");
    JsonNode address = Fields.optionalAddress(in.json, "/return_shipping_address");
    invoiceId(in.json);
    in.checkFiles();
    if (type != null && !d.acceptClaimTypes.contains(type)) {
      throw SimError.unprocessable(
          "/accept_claim_type",
          type,
          "ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE",
          "This accept_claim_type is not in allowed_response_options.accept_claim.accept_claim_types.");
    }
    if (refund != null && (d.reason.isNotReceived() || !"PARTIAL_REFUND".equals(type))) {
      throw SimError.unprocessable(
          "/refund_amount",
          null,
          "AMOUNT_SHOULD_NOT_BE_PASSED",
          d.reason.isNotReceived()
              ? "A refund_amount cannot be passed on an item-not-received dispute."
              : "A refund_amount is only passed with accept_claim_type PARTIAL_REFUND.");
    }
    if ("PARTIAL_REFUND".equals(type) && refund == null) {
      throw SimError.missing("/refund_amount");
    }
    if (refund != null) {
      checkAmount(d, in.json.at("/refund_amount"), refund, "/refund_amount");
    }
    if (address != null && d.items.stream().allMatch(i -> INTANGIBLE.contains(i.type()))) {
      throw SimError.unprocessable(
          "/return_shipping_address",
          null,
          "INTANGIBLE_ITEM_CANNOT_BE_RETURNED",
          "An intangible item cannot be returned.");
    }
    if (address == null && type != null && type.startsWith("REFUND_WITH_RETURN")) {
      throw SimError.unprocessable(
          "/return_shipping_address",
          null,
          "MISSING_RETURN_SHIPPING_ADDRESS",
          "A refund with return needs the return shipping address.");
    }
    d.resolve(SimOutcome.RESOLVED_BUYER_FAVOUR, refund, false, now);
  }

  private static void escalate(SimDispute d, ActionInput in, Instant now) {
    String note = Fields.requiredText(in.json, "/note", 2000);
    d.supportingInfo(note, List.of(), now);
    d.escalateToClaim();
    d.underReview();
  }

  private static void supportingInfo(SimDispute d, ActionInput in, Instant now) {
    String notes = Fields.requiredText(in.json, "/notes", 2000);
    in.checkFiles();
    d.supportingInfo(notes, in.documents(), now);
  }

  private static void adjudicate(SimDispute d, ActionInput in, Instant now) {
    String result =
        Fields.requiredEnum(
            in.json, "/adjudication_outcome", List.of("BUYER_FAVOR", "SELLER_FAVOR"));
    if (result.equals("BUYER_FAVOR")) {
      d.adjudicate("RECOVER_FROM_SELLER", "DECISION_BASED_ON_AVAILABLE_INFORMATION", now);
      d.resolve(SimOutcome.RESOLVED_BUYER_FAVOUR, null, d.stage.isClaim(), now);
    } else {
      d.adjudicate("DENY_BUYER", "VALID_PROOF_SUPPORTING_CLAIM", now);
      d.resolve(SimOutcome.RESOLVED_SELLER_FAVOUR, null, false, now);
    }
  }

  private static void requireEvidence(SimDispute d, ActionInput in, Instant now) {
    String action =
        Fields.requiredEnum(in.json, "/action", List.of("BUYER_EVIDENCE", "SELLER_EVIDENCE"));
    if (action.equals("SELLER_EVIDENCE")) {
      List<String> types = SimDefaults.requestedEvidence(d.reason, d.stage);
      (types.isEmpty() ? List.of("OTHER") : types).forEach(t -> d.requestEvidence(t, now));
      d.waitForSeller(now.plus(SimDispute.RESPONSE_WINDOW));
    } else {
      d.waitForBuyer(now.plus(SimDispute.RESPONSE_WINDOW));
    }
  }

  private static BigDecimal optionalMoney(JsonNode in, String pointer) {
    JsonNode n = in.at(pointer);
    return n.isMissingNode() || n.isNull() ? null : SimMoney.read(n, pointer);
  }

  /** Currency, precision and ceiling checks for an offered or refunded amount. */
  private static void checkAmount(SimDispute d, JsonNode money, BigDecimal amount, String pointer) {
    String currency = money.path("currency_code").asText();
    if (!currency.equals(d.currency)) {
      throw SimError.unprocessable(
          pointer + "/currency_code",
          currency,
          "CURRENCY_MISMATCH",
          "The currency must match the dispute's currency " + d.currency + ".");
    }
    if (amount.stripTrailingZeros().scale() > SimMoney.scale(currency)) {
      throw SimError.unprocessable(
          pointer + "/value",
          money.path("value").asText(),
          "DECIMAL_PRECISION",
          "The value has more decimal places than " + currency + " allows.");
    }
    if (amount.compareTo(d.allowedRefund()) > 0) {
      throw SimError.unprocessable(
          pointer + "/value",
          money.path("value").asText(),
          "REFUND_AMOUNT_EXCEEDED",
          "The amount exceeds refund_details.allowed_refund_amount.");
    }
  }

  private static void invoiceId(JsonNode in) {
    String invoice = Fields.optionalText(in, "/invoice_id", 127);
    if (invoice != null && !invoice.matches("^[A-Za-z0-9:\\-|]+$")) {
      throw SimError.invalid(
          "/invoice_id",
          invoice,
          "INVALID_PARAMETER_SYNTAX",
          "The value of a field does not conform to the expected format.");
    }
  }
}
