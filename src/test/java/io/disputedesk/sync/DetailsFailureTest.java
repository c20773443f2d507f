package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.PayPalException;
import io.disputedesk.paypal.UnreadableReplyException;
import io.disputedesk.testing.PayPalSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetailsFailureTest {
  private static final String INR = "detail-inquiry-inr-waiting-seller.json";

  @Test
  void detailsWithoutAnAmountAreUnusableUnlessTheyNameACryptoAsset() {
    var withAmount = PayPalSamples.dispute(INR);
    var noAmount = PayPalSamples.dispute(INR, j -> j.remove("dispute_amount"));
    var crypto =
        PayPalSamples.dispute(
            INR,
            j -> {
              j.remove("dispute_amount");
              j.putObject("dispute_asset").put("asset_symbol", "BTC").put("quantity", "0.01");
            });
    var buyerSaysAsset =
        PayPalSamples.dispute(
            INR,
            j -> {
              j.remove("dispute_amount");
              j.put("buyer_note", "dispute_asset");
            });

    assertThat(DetailsFailure.problem(withAmount, withAmount.disputeId())).isEmpty();
    assertThat(DetailsFailure.problem(noAmount, noAmount.disputeId())).contains("MISSING_AMOUNT");
    assertThat(DetailsFailure.problem(crypto, crypto.disputeId())).isEmpty();
    assertThat(DetailsFailure.problem(buyerSaysAsset, buyerSaysAsset.disputeId()))
        .contains("MISSING_AMOUNT");
    assertThat(DetailsFailure.problem(withAmount, "PP-D-OTHER")).contains("WRONG_DISPUTE_ID");
  }

  @Test
  void onlyRefusedCredentialsAndThrottlingStopThePollAndClassesCarryNoText() {
    PayPalException forbidden =
        new PayPalException(
            "disputes.get", 403, "NOT_AUTHORIZED", "Buyer Jane Doe", "dbg1", List.of(), null);
    PayPalException oddName =
        new PayPalException("disputes.get", 500, "<b>Jane</b>", "x", null, List.of(), null);

    assertThat(DetailsFailure.stopsThePoll(forbidden)).isFalse();
    assertThat(
            DetailsFailure.stopsThePoll(
                new PayPalException("disputes.get", 401, null, null, null, null, null)))
        .isTrue();
    assertThat(
            DetailsFailure.stopsThePoll(
                new PayPalException("disputes.get", 429, null, null, null, null, null)))
        .isTrue();
    assertThat(DetailsFailure.errorClass(forbidden)).isEqualTo("HTTP_403_NOT_AUTHORIZED");
    assertThat(DetailsFailure.errorClass(oddName)).isEqualTo("HTTP_500");
    assertThat(DetailsFailure.errorClass(new UnreadableReplyException("disputes.get", "bad", null)))
        .isEqualTo("UNREADABLE_JSON");
    assertThat(DetailsFailure.errorClass(new PayPalException("disputes.get", "timeout", null)))
        .isEqualTo("UNREACHABLE");
    assertThat(DetailsFailure.errorClass(new ArithmeticException("overflow")))
        .isEqualTo("INTERNAL_ArithmeticException");
  }
}
