package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.order.ShippingAddress;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.TrackingStatus;
import io.disputedesk.testing.PayPalSamples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What pre-fills the evidence forms, read from the order facts and the dispute. */
class EvidencePrefillTest {

  @Test
  void refundIdsComeFromEveryEvidenceInTheDisputeOnceEach() {
    Dispute d =
        PayPalSamples.dispute(
            "detail-inquiry-inr-waiting-seller.json",
            json -> {
              ArrayNode evidences = json.putArray("evidences");
              ObjectNode first = evidences.addObject().put("evidence_type", "PROOF_OF_REFUND");
              first
                  .putObject("evidence_info")
                  .putArray("refund_ids")
                  .add("7TJ36587R1234567")
                  .add(" 9AB12 ");
              ObjectNode second = evidences.addObject().put("evidence_type", "PROOF_OF_REFUND");
              second.putObject("evidence_info").putArray("refund_ids").add("7TJ36587R1234567");
              evidences.addObject().put("evidence_type", "OTHER");
            });

    assertThat(EvidencePrefill.refundIds(d)).isEqualTo("7TJ36587R1234567, 9AB12");
    assertThat(
            EvidencePrefill.refundIds(
                PayPalSamples.dispute(
                    "detail-inquiry-inr-waiting-seller.json", json -> json.putArray("evidences"))))
        .isNull();
  }

  @Test
  void theNewestTrackedShipmentIsChosenAndReturnsAreKeptApart() {
    OrderFacts facts =
        new OrderFacts(
            "PP-D-1",
            "TX1",
            null,
            null,
            List.of(
                new OrderFacts.Shipment("USPS", "9400111", TrackingStatus.SHIPPED, null, false),
                new OrderFacts.Shipment("UPS", "1Z999", TrackingStatus.DELIVERED, null, false),
                new OrderFacts.Shipment("DHL", null, TrackingStatus.SHIPPED, null, false),
                new OrderFacts.Shipment("FEDEX", "7700", TrackingStatus.SHIPPED, null, true)),
            null,
            Instant.EPOCH);
    EvidencePrefill known = new EvidencePrefill(facts, null);

    assertThat(known.shipment(false).orElseThrow().trackingNumber()).isEqualTo("1Z999");
    assertThat(known.shipment(true).orElseThrow().carrier()).isEqualTo("FEDEX");
    assertThat(EvidencePrefill.NONE.shipment(false)).isEmpty();
  }

  @Test
  void theAddressIsOneEscapedLine() {
    EvidencePrefill known =
        new EvidencePrefill(
            null,
            new ShippingAddress(
                "Jo <!channel>", "1 Main St", null, "San Jose", "CA", "95131", "US"));

    assertThat(known.addressLine())
        .isEqualTo("Jo &lt;!channel&gt;, 1 Main St, San Jose, CA 95131, US");
    assertThat(EvidencePrefill.NONE.addressLine()).isNull();
  }
}
