package io.disputedesk.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** PayPal's evidence types and carrier codes, as its Disputes API accepts them. */
final class EvidenceCodes {
  static final Set<String> TYPES =
      Set.of(
          "PROOF_OF_FULFILLMENT",
          "PROOF_OF_REFUND",
          "PROOF_OF_DELIVERY_SIGNATURE",
          "PROOF_OF_RECEIPT_COPY",
          "RETURN_POLICY",
          "BILLING_AGREEMENT",
          "PROOF_OF_RESHIPMENT",
          "ITEM_DESCRIPTION",
          "POLICE_REPORT",
          "AFFIDAVIT",
          "PAID_WITH_OTHER_METHOD",
          "COPY_OF_CONTRACT",
          "TERMINAL_ATM_RECEIPT",
          "PRICE_DIFFERENCE_REASON",
          "SOURCE_CONVERSION_RATE",
          "BANK_STATEMENT",
          "CREDIT_DUE_REASON",
          "REQUEST_CREDIT_RECEIPT",
          "PROOF_OF_RETURN",
          "CREATE",
          "CHANGE_REASON",
          "PROOF_OF_REFUND_OUTSIDE_PAYPAL",
          "RECEIPT_OF_MERCHANDISE",
          "CUSTOMS_DOCUMENT",
          "CUSTOMS_FEE_RECEIPT",
          "INFORMATION_ON_RESOLUTION",
          "ADDITIONAL_INFORMATION_OF_ITEM",
          "DETAILS_OF_PURCHASE",
          "PROOF_OF_SIGNIFICANT_DIFFERENCE",
          "PROOF_OF_SOFTWARE_OR_SERVICE_NOT_AS_DESCRIBED",
          "PROOF_OF_CONFISCATION",
          "PROOF_OF_DAMAGE",
          "COPY_OF_LAW_ENFORCEMENT_AGENCY_REPORT",
          "ADDITIONAL_PROOF_OF_SHIPMENT",
          "PROOF_OF_DENIAL_BY_CARRIER",
          "THIRDPARTY_PROOF_FOR_DAMAGE_OR_SIGNIFICANT_DIFFERENCE",
          "VALID_SUPPORTING_DOCUMENT",
          "LEGIBLE_SUPPORTING_DOCUMENT",
          "RETURN_TRACKING_INFORMATION",
          "DELIVERY_RECEIPT",
          "PROOF_OF_INSTORE_RECEIPT",
          "ADDITIONAL_TRACKING_INFORMATION",
          "PROOF_OF_SHIPMENT_POSTAGE",
          "ONLINE_TRACKING_INFORMATION",
          "PROOF_OF_INSTORE_REFUND",
          "PROOF_FOR_SOFTWARE_OR_SERVICE_DELIVERED",
          "RETURN_ADDRESS_FOR_SHIPPING",
          "COPY_OF_THE_EPARCEL_MANIFEST",
          "COPY_OF_SHIPPING_MANIFEST",
          "APPEAL_AFFIDAVIT",
          "RECEIPT_OF_REPLACEMENT",
          "COPY_OF_DRIVERS_LICENSE",
          "ACCOUNT_CHANGE_INFORMATION",
          "DELIVERY_ADDRESS",
          "CONFIRMATION_OF_RESOLUTION",
          "MERCHANT_RESPONSE",
          "PERMISSION_DESCRIPTION",
          "STATUS_OF_MERCHANDISE",
          "LOST_CARD_DETAILS",
          "LAST_VALID_TRANSACTION_DETAILS",
          "ADDITIONAL_PROOF_OF_RETURN",
          "DECLARATION",
          "PROOF_OF_MISSING_ITEMS",
          "PROOF_OF_EMPTY_PACKAGE_OR_DIFFERENT_ITEM",
          "PROOF_OF_ITEM_NOT_RECEIVED",
          "ORDER_DETAILS",
          "LISTING_URL",
          "SHIPPING_INSURANCE",
          "BUYER_RESPONSE",
          "PHOTOS_OF_SHIPPED_ITEM",
          "OTHER");

  /** PayPal's carrier codes (tracking_info.carrier_name), from the official spec. */
  static final Set<String> CARRIERS = carriers();

  private EvidenceCodes() {}

  private static Set<String> carriers() {
    try (InputStream in = EvidenceCodes.class.getResourceAsStream("/paypal/carriers.txt")) {
      if (in == null) {
        throw new IllegalStateException("paypal/carriers.txt is missing from the classpath");
      }
      return Set.copyOf(
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
