package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferEventType;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.paypal.Party;
import io.disputedesk.sync.DisputeEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRepliesTest {
  private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

  private static String reply(DisputeEvent event) {
    return EventReplies.reply(event, AT).map(SlackPost::text).orElseThrow();
  }

  @Test
  void eachEventSaysWhatChangedFromWhatToWhat() {
    assertThat(
            reply(
                new DisputeEvent.StatusChanged(
                    DisputeStatus.WAITING_FOR_SELLER_RESPONSE, DisputeStatus.UNDER_REVIEW)))
        .contains("Waiting for our response → *Under review by PayPal*");
    assertThat(
            reply(new DisputeEvent.StageChanged(LifecycleStage.INQUIRY, LifecycleStage.CHARGEBACK)))
        .contains("Inquiry → *Claim*");
    assertThat(
            reply(
                new DisputeEvent.OfferEvent(
                    OfferEventType.ACCEPTED,
                    OfferType.REFUND,
                    Money.of("23.00", "USD"),
                    Party.BUYER)))
        .contains("Offer accepted by the buyer: refund of *23.00 USD*");
    assertThat(
            reply(
                new DisputeEvent.EvidenceRequested(
                    List.of("PROOF_OF_FULFILLMENT", "PROOF_OF_REFUND"))))
        .contains("Proof of fulfillment, Proof of refund");
    assertThat(
            reply(
                new DisputeEvent.Resolved(
                    OutcomeCode.RESOLVED_BUYER_FAVOUR, Money.of("23.00", "USD"))))
        .contains("Lost: resolved in the buyer's favour", "23.00 USD refunded");
    assertThat(reply(new DisputeEvent.DueDateChanged(null, AT))).contains("Respond by *<!date^");
  }

  @Test
  void everyReplyIsDatedWithTheUpdateTime() {
    assertThat(
            reply(new DisputeEvent.StageChanged(LifecycleStage.INQUIRY, LifecycleStage.CHARGEBACK)))
        .endsWith(
            "_<!date^"
                + AT.getEpochSecond()
                + "^{date_short_pretty} {time}|Fri 27 Nov 2026 10:00 UTC>_");
  }

  @Test
  void aNewDisputeNeedsNoReplyItsCardSaysIt() {
    assertThat(EventReplies.reply(new DisputeEvent.New(), AT)).isEmpty();
  }

  @Test
  void aLongBuyerMessageIsEscapedQuotedAndCut() {
    String text =
        reply(new DisputeEvent.BuyerMessage("<!channel>\nline two " + "z".repeat(5000), AT));

    assertThat(text).contains(">&lt;!channel&gt;\n>line two").doesNotContain("<!channel>");
    assertThat(text.length()).isLessThanOrEqualTo(BlockLimits.SECTION_TEXT + 100);
  }

  @Test
  void theImportSummaryCountsWhatWasImported() {
    assertThat(EventReplies.importSummary(312, 41).text())
        .contains("Imported 312 disputes, 41 need a response");
    assertThat(EventReplies.importSummary(1, 1).text())
        .contains("Imported 1 dispute, 1 needs a response");
    assertThat(EventReplies.importSummary(0, 0).text()).contains("no disputes");
  }
}
