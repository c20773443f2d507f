package io.disputedesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What in a re-read dispute shows that an action whose answer was lost went through. */
class EffectsTest {
  private static final Instant SENT = Instant.parse("2026-11-21T10:00:00Z");
  private final Dispute offerPending = Samples.dispute("detail-inquiry-snad-offer-pending.json");
  private final Dispute waiting = Samples.dispute("detail-inquiry-inr-waiting-seller.json");

  @Test
  void offerInTheHistoryShowsTheOfferWasMade() {
    ActionRequest same = new ActionRequest.MakeOffer("n", Money.of("100", "USD"), OfferType.REFUND_WITH_RETURN,
        new io.disputedesk.paypal.Address("1 Main St", null, null, null, null, "US"), null);

    assertThat(Effects.seen(same, SENT, offerPending)).contains("PayPal shows the offer in the dispute's history");
  }

  @Test
  void offerOfAnotherAmountIsNoProofButTheMissingLinkIs() {
    ActionRequest other = new ActionRequest.MakeOffer("n", Money.of("55.00", "USD"), OfferType.REFUND, null, null);

    assertThat(Effects.seen(other, SENT, offerPending)).contains("PayPal no longer offers make offer on it");
    assertThat(Effects.seen(other, SENT, waiting)).isEmpty();
  }

  @Test
  void sellerMessageWithTheSameTextShowsTheMessageWasSent() {
    String sent = offerPending.messages().stream().filter(m -> m.postedBy() == io.disputedesk.paypal.Party.SELLER)
        .findFirst().orElseThrow().content();

    assertThat(Effects.seen(new ActionRequest.SendMessage(sent + "  "), SENT, offerPending)).isPresent();
    assertThat(Effects.seen(new ActionRequest.SendMessage("Something else"), SENT, offerPending)).isEmpty();
  }

  @Test
  void messagesKeepTheirLinkSoItsPresenceProvesNothing() {
    assertThat(Effects.seen(new ActionRequest.SendMessage("Not there"), SENT, waiting)).isEmpty();
  }

  @Test
  void evidenceAndReturnsAreJudgedByWhatTheDisputeStillOffers() {
    ActionRequest evidence = new ActionRequest.ProvideEvidence(
        List.of(EvidenceInput.proofOfFulfillment("UPS", "1Z", null)), null);

    assertThat(Effects.seen(evidence, SENT, waiting)).isEmpty();
    assertThat(Effects.seen(evidence, SENT, offerPending)).contains("PayPal no longer offers provide evidence on it");
    assertThat(Effects.seen(new ActionRequest.AcknowledgeReturnItem(null, AcknowledgementType.ITEM_RECEIVED), SENT,
        offerPending)).isPresent();
  }
}
