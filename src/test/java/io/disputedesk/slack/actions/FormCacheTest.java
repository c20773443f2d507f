package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.order.OrderFacts;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.TrackingStatus;
import io.disputedesk.testing.PayPalSamples;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A kept form is the one built from the same dispute JSON, card and prefill; anything else builds
 * it afresh.
 */
class FormCacheTest {
  private static final String SAMPLE = "detail-inquiry-inr-waiting-seller.json";
  private final FormCache cache = new FormCache(2);
  private final AtomicInteger builds = new AtomicInteger();

  private String form(CardAction kind, Dispute d, String channel, EvidencePrefill prefill) {
    return cache.form(
        kind,
        d,
        channel,
        "1700000000.000100",
        prefill,
        () -> "form " + builds.incrementAndGet() + " of " + d.disputeAmount().display());
  }

  @Test
  void theSameDisputeJsonOnTheSameCardIsBuiltOnce() {
    Dispute read = PayPalSamples.dispute(SAMPLE);
    // Read again: another parse of the same stored JSON.
    Dispute again = PayPalSamples.dispute(SAMPLE);

    String first = form(CardAction.SEND_MESSAGE, read, "C1", EvidencePrefill.NONE);

    assertThat(form(CardAction.SEND_MESSAGE, again, "C1", EvidencePrefill.NONE)).isEqualTo(first);
    assertThat(builds).hasValue(1);
  }

  @Test
  void aChangedDisputeIsBuiltAfresh() {
    String before =
        form(CardAction.MAKE_OFFER, PayPalSamples.dispute(SAMPLE), "C1", EvidencePrefill.NONE);
    Dispute changed =
        PayPalSamples.dispute(
            SAMPLE,
            json ->
                json.putObject("dispute_amount").put("currency_code", "USD").put("value", "95.00"));

    String after = form(CardAction.MAKE_OFFER, changed, "C1", EvidencePrefill.NONE);

    assertThat(after).isNotEqualTo(before).endsWith("95.00 USD");
    assertThat(builds).hasValue(2);
  }

  @Test
  void changedOrderFactsBuildTheEvidenceFormAfresh() {
    Dispute d = PayPalSamples.dispute(SAMPLE);
    OrderFacts facts =
        new OrderFacts(
            d.disputeId(),
            "TX1",
            null,
            null,
            List.of(new OrderFacts.Shipment("UPS", "1Z999", TrackingStatus.SHIPPED, null, false)),
            null,
            Instant.EPOCH);
    OrderFacts tracked =
        new OrderFacts(
            d.disputeId(),
            "TX1",
            null,
            null,
            List.of(new OrderFacts.Shipment("UPS", "1Z999", TrackingStatus.DELIVERED, null, false)),
            null,
            Instant.EPOCH);

    form(CardAction.PROVIDE_EVIDENCE, d, "C1", new EvidencePrefill(facts, null));
    form(CardAction.PROVIDE_EVIDENCE, d, "C1", new EvidencePrefill(facts, null));
    form(CardAction.PROVIDE_EVIDENCE, d, "C1", new EvidencePrefill(tracked, null));

    assertThat(builds).hasValue(2);
  }

  @Test
  void eachButtonAndCardHasItsOwnForm() {
    Dispute d = PayPalSamples.dispute(SAMPLE);

    String message = form(CardAction.SEND_MESSAGE, d, "C1", EvidencePrefill.NONE);
    String offer = form(CardAction.MAKE_OFFER, d, "C1", EvidencePrefill.NONE);
    String elsewhere = form(CardAction.SEND_MESSAGE, d, "C2", EvidencePrefill.NONE);

    assertThat(List.of(message, offer, elsewhere)).doesNotHaveDuplicates();
    assertThat(builds).hasValue(3);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void aDisputeWithoutItsJsonIsAlwaysBuilt() {
    Dispute unread = PayPalSamples.dispute(SAMPLE).withRawJson(null);

    form(CardAction.SEND_MESSAGE, unread, "C1", EvidencePrefill.NONE);
    form(CardAction.SEND_MESSAGE, unread, "C1", EvidencePrefill.NONE);

    assertThat(builds).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void theLeastRecentlyUsedFormIsDroppedBeyondTheCapacity() {
    Dispute d = PayPalSamples.dispute(SAMPLE);
    form(CardAction.SEND_MESSAGE, d, "C1", EvidencePrefill.NONE);
    form(CardAction.MAKE_OFFER, d, "C1", EvidencePrefill.NONE);
    // Used again: now the offer form is the least recently used.
    form(CardAction.SEND_MESSAGE, d, "C1", EvidencePrefill.NONE);

    form(CardAction.SEND_MESSAGE, d, "C2", EvidencePrefill.NONE);
    form(CardAction.SEND_MESSAGE, d, "C1", EvidencePrefill.NONE);
    assertThat(builds).as("the message form on C1 was kept").hasValue(3);
    form(CardAction.MAKE_OFFER, d, "C1", EvidencePrefill.NONE);
    assertThat(builds).as("the offer form was dropped").hasValue(4);
    assertThat(cache.size()).isEqualTo(2);
  }
}
