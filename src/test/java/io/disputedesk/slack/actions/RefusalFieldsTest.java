package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.PayPalException.Problem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PayPal's refusals land on the input they are about, by issue code and by field, when the form
 * shows it.
 */
class RefusalFieldsTest {
  private static final Set<String> OFFER =
      Set.of(
          ModalFields.OFFER_TYPE,
          ModalFields.AMOUNT,
          ModalFields.NOTE,
          ModalFields.ADDRESS_LINE_1,
          ModalFields.CITY,
          ModalFields.POSTAL_CODE,
          ModalFields.COUNTRY);

  private static String block(Problem p, Set<String> shown) {
    return RefusalFields.tie(List.of(p), shown).map(RefusalFields.Tied::block).orElse(null);
  }

  @Test
  void addressIssuesLandOnTheAddressPartPayPalNames() {
    assertThat(
            block(
                new Problem(
                    "/return_shipping_address", "SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED", null),
                OFFER))
        .isEqualTo(ModalFields.ADDRESS_LINE_1);
    assertThat(
            block(
                new Problem(
                    "/return_shipping_address/country_code",
                    "INVALID_RETURN_SHIPPING_ADDRESS_FORMAT",
                    null),
                OFFER))
        .isEqualTo(ModalFields.COUNTRY);
    assertThat(block(Problem.of("MISSING_RETURN_SHIPPING_ADDRESS"), OFFER))
        .isEqualTo(ModalFields.ADDRESS_LINE_1);
  }

  @Test
  void amountIssuesLandOnTheAmount() {
    assertThat(block(new Problem("/offer_amount/value", "REFUND_AMOUNT_EXCEEDED", null), OFFER))
        .isEqualTo(ModalFields.AMOUNT);
    assertThat(block(Problem.of("AMOUNT_SHOULD_NOT_BE_PASSED"), Set.of(ModalFields.ACCEPT_TYPE)))
        .isEqualTo(ModalFields.ACCEPT_TYPE);
  }

  @Test
  void evidenceIssuesLandOnTheirInputs() {
    Set<String> evidence =
        Set.of(
            ModalFields.EVIDENCE_TYPE,
            ModalFields.ITEM,
            ModalFields.CARRIER,
            ModalFields.TRACKING,
            ModalFields.REFUND_ID,
            ModalFields.NOTE,
            ModalFields.FILES);
    assertThat(block(Problem.of("MISSING_TRACKING_INFO"), evidence))
        .isEqualTo(ModalFields.TRACKING);
    assertThat(block(Problem.of("MISSING_REFUND_ID"), evidence)).isEqualTo(ModalFields.REFUND_ID);
    assertThat(block(Problem.of("INVALID_EVIDENCE_FILE"), evidence)).isEqualTo(ModalFields.FILES);
    assertThat(block(Problem.of("ITEM_ID_IS_MANDATORY_FOR_MULTIPLE_EVIDENCES"), evidence))
        .isEqualTo(ModalFields.ITEM);
    assertThat(block(Problem.of("INVALID_EVIDENCE_TYPE_PROOF_OF_FULFILLMENT"), evidence))
        .isEqualTo(ModalFields.EVIDENCE_TYPE);
  }

  @Test
  void aRefusalOfTheWholeActionOrOfAnInputTheFormDoesNotShowIsNotTied() {
    assertThat(block(Problem.of("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE"), OFFER)).isNull();
    assertThat(block(Problem.of("INSUFFICIENT_FUNDS"), OFFER)).isNull();
    assertThat(block(Problem.of("MISSING_TRACKING_INFO"), OFFER)).isNull();
  }
}
