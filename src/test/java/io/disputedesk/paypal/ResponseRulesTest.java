package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.ResponseRules.AddressNeed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PayPal's rules for a seller's answer (DISPUTES-API.md §7–§8), one per test. */
class ResponseRulesTest {
  private static Dispute dispute(
      DisputeReason reason,
      String amount,
      List<AcceptClaimType> acceptTypes,
      List<Dispute.Item> items) {
    return new Dispute(
        "PP-D-1",
        null,
        null,
        reason,
        DisputeStatus.WAITING_FOR_SELLER_RESPONSE,
        null,
        null,
        null,
        Money.of(amount, "GBP"),
        null,
        null,
        null,
        List.of(
            new Dispute.DisputedTransaction(
                null, null, null, null, null, null, null, null, null, null, items)),
        null,
        null,
        null,
        null,
        new Dispute.AllowedResponseOptions(new Dispute.AcceptClaimOptions(acceptTypes), null, null),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static Dispute snad(String amount) {
    return dispute(
        DisputeReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED, amount, List.of(), List.of());
  }

  private static Dispute.Item item(String id, String type) {
    return new Dispute.Item(id, "Thing " + id, null, "1", null, type, null, null);
  }

  @Test
  void notAsDescribedOfferBelowTheDisputedAmountNeedsTheAddressAndTheFullAmountDoesNot() {
    Dispute d = snad("129.99");
    assertThat(ResponseRules.offerAddress(d, OfferType.REFUND))
        .isEqualTo(AddressNeed.BELOW_DISPUTED);
    assertThat(ResponseRules.offerNeedsAddress(d, OfferType.REFUND, Money.of("12.00", "GBP")))
        .isTrue();
    assertThat(ResponseRules.offerNeedsAddress(d, OfferType.REFUND, Money.of("129.99", "GBP")))
        .isFalse();
    assertThat(
            ResponseRules.offerNeedsAddress(
                d, OfferType.REFUND_WITH_REPLACEMENT, Money.of("5", "GBP")))
        .isTrue();
  }

  @Test
  void refundWithReturnAlwaysNeedsTheAddressAndAReplacementNeverTakesOneOrAnAmount() {
    Dispute inr =
        dispute(DisputeReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED, "50", List.of(), List.of());
    assertThat(ResponseRules.offerAddress(inr, OfferType.REFUND_WITH_RETURN))
        .isEqualTo(AddressNeed.ALWAYS);
    assertThat(ResponseRules.offerAddress(inr, OfferType.REFUND)).isEqualTo(AddressNeed.NONE);
    assertThat(ResponseRules.offerAddress(snad("50"), OfferType.REPLACEMENT_WITHOUT_REFUND))
        .isEqualTo(AddressNeed.NONE);
    assertThat(ResponseRules.offerTakesAmount(OfferType.REPLACEMENT_WITHOUT_REFUND)).isFalse();
    assertThat(ResponseRules.offerTakesAmount(OfferType.REFUND_WITH_REPLACEMENT)).isTrue();
  }

  @Test
  void partialRefundIsNotAcceptedOnItemNotReceived() {
    Dispute inr =
        dispute(
            DisputeReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED,
            "50",
            List.of(AcceptClaimType.REFUND, AcceptClaimType.PARTIAL_REFUND),
            List.of());
    assertThat(ResponseRules.acceptTypes(inr)).containsExactly(AcceptClaimType.REFUND);
    assertThat(ResponseRules.refusal(inr, AcceptClaimType.PARTIAL_REFUND))
        .isEqualTo("AMOUNT_SHOULD_NOT_BE_PASSED");
  }

  @Test
  void intangibleItemsCannotBeReturned() {
    List<AcceptClaimType> types =
        List.of(AcceptClaimType.REFUND, AcceptClaimType.REFUND_WITH_RETURN);
    Dispute course =
        dispute(
            DisputeReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED,
            "50",
            types,
            List.of(item("1", "SERVICE"), item("2", "DIGITAL_DOWNLOAD")));
    Dispute mixed =
        dispute(
            DisputeReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED,
            "50",
            types,
            List.of(item("1", "SERVICE"), item("2", "PRODUCT")));
    assertThat(ResponseRules.acceptTypes(course)).containsExactly(AcceptClaimType.REFUND);
    assertThat(ResponseRules.refusal(course, AcceptClaimType.REFUND_WITH_RETURN))
        .isEqualTo("INTANGIBLE_ITEM_CANNOT_BE_RETURNED");
    assertThat(ResponseRules.acceptTypes(mixed)).containsExactlyElementsOf(types);
  }

  @Test
  void evidenceNeedsItsShipmentRefundIdsAndItemAsPayPalSays() {
    assertThat(ResponseRules.evidenceNeedsTracking("PROOF_OF_FULFILLMENT")).isTrue();
    assertThat(ResponseRules.evidenceNeedsTracking("PROOF_OF_RETURN")).isTrue();
    assertThat(ResponseRules.evidenceNeedsRefundIds("PROOF_OF_REFUND")).isTrue();
    assertThat(ResponseRules.evidenceNeedsTracking("OTHER")).isFalse();
    assertThat(ResponseRules.evidenceNeedsItem(snad("5"))).isFalse();
    assertThat(
            ResponseRules.evidenceNeedsItem(
                dispute(
                    DisputeReason.UNAUTHORISED,
                    "5",
                    List.of(),
                    List.of(item("1", "PRODUCT"), item("2", "PRODUCT")))))
        .isTrue();
    assertThat(
            ResponseRules.evidenceFits(
                dispute(DisputeReason.DUPLICATE_TRANSACTION, "5", List.of(), List.of()),
                "PROOF_OF_FULFILLMENT"))
        .isFalse();
  }

  @Test
  void carriersArePayPalCodesOrSentByName() {
    assertThat(Carriers.code("Royal Mail")).contains("ROYAL_MAIL");
    assertThat(Carriers.code("fedex")).contains("FEDEX");
    assertThat(Carriers.code("Evri")).isEmpty();
    EvidenceInput other = EvidenceInput.shipment("PROOF_OF_FULFILLMENT", "Evri", "H01", null, null);
    assertThat(other.evidenceInfo().trackingInfo().get(0).carrierName()).isEqualTo("OTHER");
    assertThat(other.evidenceInfo().trackingInfo().get(0).carrierNameOther()).isEqualTo("Evri");
  }
}
