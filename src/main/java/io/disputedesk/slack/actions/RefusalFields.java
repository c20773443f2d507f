package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ACCEPT_TYPE;
import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_1;
import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_2;
import static io.disputedesk.slack.actions.ModalFields.AMOUNT;
import static io.disputedesk.slack.actions.ModalFields.CARRIER;
import static io.disputedesk.slack.actions.ModalFields.CITY;
import static io.disputedesk.slack.actions.ModalFields.COUNTRY;
import static io.disputedesk.slack.actions.ModalFields.EVIDENCE_TYPE;
import static io.disputedesk.slack.actions.ModalFields.FILES;
import static io.disputedesk.slack.actions.ModalFields.ITEM;
import static io.disputedesk.slack.actions.ModalFields.MESSAGE;
import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalFields.OFFER_TYPE;
import static io.disputedesk.slack.actions.ModalFields.POSTAL_CODE;
import static io.disputedesk.slack.actions.ModalFields.REFUND_ID;
import static io.disputedesk.slack.actions.ModalFields.REGION;
import static io.disputedesk.slack.actions.ModalFields.TRACKING;

import io.disputedesk.paypal.PayPalException.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which input of a form a PayPal refusal is about: by PayPal's issue code first (DISPUTES-API.md
 * §8), then by the request field it names ({@code details[].field}, a JSON pointer). Only inputs
 * the form shows count.
 */
final class RefusalFields {
  private static final Map<String, List<String>> BY_ISSUE =
      Map.ofEntries(
          Map.entry("SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED", List.of(ADDRESS_LINE_1)),
          Map.entry("MISSING_RETURN_SHIPPING_ADDRESS", List.of(ADDRESS_LINE_1)),
          Map.entry("INTANGIBLE_ITEM_CANNOT_BE_RETURNED", List.of(ACCEPT_TYPE, ADDRESS_LINE_1)),
          Map.entry("AMOUNT_SHOULD_NOT_BE_PASSED", List.of(AMOUNT, ACCEPT_TYPE, OFFER_TYPE)),
          Map.entry("REFUND_AMOUNT_EXCEEDED", List.of(AMOUNT)),
          Map.entry("DECIMAL_PRECISION", List.of(AMOUNT)),
          Map.entry("CURRENCY_MISMATCH", List.of(AMOUNT)),
          Map.entry("MISSING_TRACKING_INFO", List.of(TRACKING, CARRIER)),
          Map.entry("MISSING_EVIDENCE_INFO", List.of(TRACKING, REFUND_ID)),
          Map.entry("MISSING_REFUND_ID", List.of(REFUND_ID)),
          Map.entry("INVALID_EVIDENCE_FILE", List.of(FILES)),
          Map.entry("INVALID_EVIDENCE_TYPE_PROOF_OF_FULFILLMENT", List.of(EVIDENCE_TYPE)),
          Map.entry("MISSING_EVIDENCE_TYPE", List.of(EVIDENCE_TYPE)),
          Map.entry("ITEM_ID_IS_MANDATORY_FOR_MULTIPLE_EVIDENCES", List.of(ITEM, EVIDENCE_TYPE)));

  /**
   * Address parts by the last step of PayPal's pointer ({@code
   * /return_shipping_address/country_code}).
   */
  private static final Map<String, String> ADDRESS_PARTS =
      Map.of(
          "address_line_1",
          ADDRESS_LINE_1,
          "address_line_2",
          ADDRESS_LINE_2,
          "admin_area_2",
          CITY,
          "admin_area_1",
          REGION,
          "postal_code",
          POSTAL_CODE,
          "country_code",
          COUNTRY);

  private RefusalFields() {}

  /**
   * The first of PayPal's problems that is about an input among {@code shown}, with that input's
   * block id.
   */
  static Optional<Tied> tie(List<Problem> problems, Set<String> shown) {
    for (Problem p : problems) {
      for (String block : candidates(p)) {
        if (shown.contains(block)) {
          return Optional.of(new Tied(p, block));
        }
      }
    }
    return Optional.empty();
  }

  /** A problem and the input block it is shown under. */
  record Tied(Problem problem, String block) {}

  private static List<String> candidates(Problem p) {
    String field = p.field() == null ? "" : p.field();
    if (field.contains("return_shipping_address")) {
      String last = field.substring(field.lastIndexOf('/') + 1);
      return List.of(ADDRESS_PARTS.getOrDefault(last, ADDRESS_LINE_1));
    }
    List<String> byIssue = BY_ISSUE.get(p.issue());
    if (byIssue != null) {
      return byIssue;
    }
    if (field.startsWith("/offer_amount") || field.startsWith("/refund_amount")) {
      return List.of(AMOUNT);
    }
    if (field.equals("/offer_type")) {
      return List.of(OFFER_TYPE);
    }
    if (field.equals("/accept_claim_type")) {
      return List.of(ACCEPT_TYPE);
    }
    if (field.equals("/message")) {
      return List.of(MESSAGE);
    }
    if (field.equals("/note") || field.endsWith("/notes")) {
      return List.of(NOTE);
    }
    if (field.contains("tracking_info")) {
      return List.of(TRACKING, CARRIER);
    }
    if (field.contains("refund_ids")) {
      return List.of(REFUND_ID);
    }
    if (field.endsWith("/item_id")) {
      return List.of(ITEM);
    }
    if (field.endsWith("/evidence_type")) {
      return List.of(EVIDENCE_TYPE);
    }
    return List.of();
  }
}
