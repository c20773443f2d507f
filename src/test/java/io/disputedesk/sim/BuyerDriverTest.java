package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.ShiftableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuyerDriverTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));

  @AfterEach
  void close() {
    sim.close();
  }

  private String snadWithOffer(String type, String amount) {
    return sim.createDispute(
        SimDisputeSpec.builder()
            .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
            .amount("100.00", "USD")
            .pendingOffer(type, amount)
            .build());
  }

  @Test
  void acceptedRefundOfferResolvesWithThatAmount() {
    String id = snadWithOffer("REFUND", "60.00");
    clock.advance(Duration.ofHours(1));

    sim.buyerAcceptsOffer(id);

    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(d.at("/dispute_outcome/amount_refunded/value").asText()).isEqualTo("60.00");
    assertThat(d.at("/offer/history/1/event_type").asText()).isEqualTo("ACCEPTED");
    assertThat(d.get("update_time").asText()).isEqualTo("2026-11-27T11:00:00.000Z");
  }

  @Test
  void acceptedReturnOfferWaitsForTheReturnThenOffersAcknowledge() {
    String id = snadWithOffer("REFUND_WITH_RETURN", "100.00");

    sim.buyerAcceptsOffer(id);
    assertThat(sim.get(id).get("status").asText()).isEqualTo("WAITING_FOR_BUYER_RESPONSE");

    sim.buyerShipsReturn(id);
    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
    assertThat(SellerActionsTest.rels(d))
        .containsExactly("self", "acknowledge_return_item", "send_message");
  }

  @Test
  void deniedOfferHandsTheTurnBackToTheSeller() {
    String id = snadWithOffer("REFUND", "20.00");

    sim.buyerDeniesOffer(id);

    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
    assertThat(d.at("/offer/history/1/event_type").asText()).isEqualTo("DENIED");
    assertThat(SellerActionsTest.rels(d)).contains("make_offer", "accept_claim");
    assertThatThrownBy(() -> sim.buyerAcceptsOffer(id)).isInstanceOf(SimulatorException.class);
  }

  @Test
  void buyerMessageOnAnOpenInquiryTurnsItToTheSeller() {
    String id = sim.createDispute(SimDisputeSpec.builder().status(SimStatus.OPEN).build());

    sim.addBuyerMessage(id, "Hello?");

    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
    assertThat(d.at("/messages/0/posted_by").asText()).isEqualTo("BUYER");
    assertThat(d.has("seller_response_due_date")).isTrue();
  }

  @Test
  void buyerEscalationAsksTheSellerForEvidenceAtTheClaimStage() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());

    sim.buyerEscalates(id);

    JsonNode d = sim.get(id);
    assertThat(d.get("dispute_life_cycle_stage").asText()).isEqualTo("CHARGEBACK");
    assertThat(SellerActionsTest.rels(d))
        .containsExactly("self", "provide_evidence", "accept_claim");
    assertThatThrownBy(() -> sim.buyerEscalates(id)).isInstanceOf(SimulatorException.class);
  }

  @Test
  void evidenceRequestAndDueDateAreDrivable() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.UNAUTHORISED)
                .status(SimStatus.UNDER_REVIEW)
                .build());

    sim.requestEvidenceFromSeller(id, "PROOF_OF_DELIVERY_SIGNATURE");
    sim.setSellerDueDate(id, NOW.minus(Duration.ofDays(1)));

    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
    assertThat(d.get("seller_response_due_date").asText()).isEqualTo("2026-11-26T10:00:00.000Z");
    assertThat(d.get("evidences").findValuesAsText("evidence_type"))
        .contains("PROOF_OF_DELIVERY_SIGNATURE");
    assertThatThrownBy(() -> sim.requestEvidenceFromSeller(id, "A_MADE_UP_TYPE"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cancelledByBuyerHasNoRefundAndUnknownIdsFailLoudly() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());

    sim.resolve(id, SimOutcome.CANCELED_BY_BUYER, (BigDecimal) null);

    assertThat(sim.get(id).at("/dispute_outcome/outcome_code").asText())
        .isEqualTo("CANCELED_BY_BUYER");
    assertThat(sim.get(id).at("/dispute_outcome/amount_refunded").isMissingNode()).isTrue();
    assertThatThrownBy(() -> sim.addBuyerMessage("PP-D-404", "x"))
        .isInstanceOf(SimulatorException.class);
    assertThatThrownBy(() -> sim.setStatus(id, SimStatus.RESOLVED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
