package io.disputedesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.json.Json;
import io.disputedesk.paypal.AcceptClaimReason;
import io.disputedesk.paypal.AcceptClaimType;
import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Address;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.testing.Kinds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests held for approval or settled after a restart come back exactly as they were asked. */
class RequestCodecTest {
  private final RequestCodec codec = new RequestCodec(Kinds.ALL, Json.newMapper());

  private ActionRequest roundTrip(ActionRequest request) {
    return codec.decode(request.action(), codec.encode(request));
  }

  @Test
  void everyRequestKindReadsBackEqual() {
    Address address = new Address("1 Main St", null, "Springfield", "IL", "62701", "US");
    List<ActionRequest> requests =
        List.of(
            new ActionRequest.SendMessage("Hello ✓ 払い戻し"),
            new ActionRequest.MakeOffer(
                "Half back", Money.of("12.50", "USD"), OfferType.REFUND_WITH_RETURN, address, null),
            new ActionRequest.MakeOffer(
                "New one", null, OfferType.REPLACEMENT_WITHOUT_REFUND, null, null),
            new ActionRequest.AcceptClaim(
                "Sorry",
                AcceptClaimReason.LOST_IN_MAIL,
                AcceptClaimType.PARTIAL_REFUND,
                Money.of("2500", "JPY"),
                null,
                null),
            new ActionRequest.ProvideEvidence(
                List.of(EvidenceInput.proofOfFulfillment("UPS", "1Z9", "Signed")), null),
            new ActionRequest.Appeal(
                List.of(EvidenceInput.proofOfRefund(List.of("9XY"), null)), null),
            new ActionRequest.Escalate("Please decide"),
            new ActionRequest.AcknowledgeReturnItem("Back", AcknowledgementType.DAMAGED),
            new ActionRequest.ProvideSupportingInfo("Same IP as before"));

    for (ActionRequest request : requests) {
      assertThat(roundTrip(request)).isEqualTo(request);
    }
  }

  @Test
  void amountsKeepTheirExactDecimalText() {
    ActionRequest.MakeOffer offer =
        (ActionRequest.MakeOffer)
            roundTrip(
                new ActionRequest.MakeOffer(
                    "n", Money.of("10.10", "EUR"), OfferType.REFUND, null, null));

    assertThat(offer.offerAmount().value().toPlainString()).isEqualTo("10.10");
  }
}
