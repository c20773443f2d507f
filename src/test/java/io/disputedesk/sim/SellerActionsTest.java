package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.ShiftableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SellerActionsTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
  private final SimClient client = new SimClient(sim).authenticate();

  @AfterEach
  void close() {
    sim.close();
  }

  private String inquiry(SimReason reason, String amount) {
    return sim.createDispute(
        SimDisputeSpec.builder()
            .reason(reason)
            .amount(amount, "USD")
            .buyerMessage("Where is it?")
            .build());
  }

  static List<String> rels(JsonNode dispute) {
    List<String> rels = new ArrayList<>();
    dispute.get("links").forEach(l -> rels.add(l.get("rel").asText()));
    return rels;
  }

  private JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return SimClient.json(r);
  }

  @Test
  void sendMessageAddsASellerMessageAndBumpsUpdateTime() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED, "23.00");
    String before = sim.get(id).get("update_time").asText();
    clock.advance(Duration.ofMinutes(3));

    JsonNode reply =
        ok(
            client.action(
                id, "send-message", "{\"message\":\"Shipped yesterday, tracking follows.\"}"));

    assertThat(reply.toString())
        .isEqualTo(
            "{\"links\":[{\"href\":\""
                + sim.baseUrl()
                + "/v1/customer/disputes/"
                + id
                + "\",\"rel\":\"self\",\"method\":\"GET\"}]}");
    JsonNode d = sim.get(id);
    JsonNode last = d.get("messages").get(d.get("messages").size() - 1);
    assertThat(last.get("posted_by").asText()).isEqualTo("SELLER");
    assertThat(last.get("content").asText()).isEqualTo("Shipped yesterday, tracking follows.");
    assertThat(d.get("update_time").asText())
        .isEqualTo("2026-11-27T10:03:00.000Z")
        .isNotEqualTo(before);
  }

  @Test
  void updateTimeMovesEvenWhenTheClockStandsStill() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED, "23.00");

    ok(client.action(id, "send-message", "{\"message\":\"one\"}"));
    ok(client.action(id, "send-message", "{\"message\":\"two\"}"));

    assertThat(sim.get(id).get("update_time").asText()).isEqualTo("2026-11-27T10:00:00.002Z");
  }

  @Test
  void makeOfferRecordsTheProposalAndWaitsForTheBuyer() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED, "100.00");

    ok(
        client.action(
            id,
            "make-offer",
            "{\"note\":\"Full refund once it is back.\",\"offer_type\":\"REFUND_WITH_RETURN\","
                + "\"offer_amount\":{\"currency_code\":\"USD\",\"value\":\"100.00\"},"
                + "\"return_shipping_address\":{\"address_line_1\":\"1 Main St\",\"country_code\":\"US\"}}"));

    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("WAITING_FOR_BUYER_RESPONSE");
    assertThat(d.get("dispute_state").asText()).isEqualTo("REQUIRED_OTHER_PARTY_ACTION");
    assertThat(d.get("offer").get("seller_offered_amount").get("value").asText())
        .isEqualTo("100.00");
    JsonNode history = d.get("offer").get("history").get(0);
    assertThat(history.get("event_type").asText()).isEqualTo("PROPOSED");
    assertThat(history.get("actor").asText()).isEqualTo("SELLER");
    assertThat(d.has("buyer_response_due_date")).isTrue();
    assertThat(d.has("seller_response_due_date")).isFalse();
    assertThat(rels(d)).containsExactly("self", "send_message", "escalate");
  }

  @Test
  void makeOfferRejectsTypesAmountsAndNotesPayPalWouldReject() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED, "20.00");
    String money = "\"offer_amount\":{\"currency_code\":\"USD\",\"value\":\"%s\"}";

    HttpResponse<String> wrongType =
        client.action(
            id,
            "make-offer",
            "{\"note\":\"x\",\"offer_type\":\"REFUND_WITH_REPLACEMENT\","
                + money.formatted("5.00")
                + "}");
    HttpResponse<String> tooMuch =
        client.action(
            id,
            "make-offer",
            "{\"note\":\"x\",\"offer_type\":\"REFUND\"," + money.formatted("20.01") + "}");
    HttpResponse<String> noNote =
        client.action(
            id, "make-offer", "{\"offer_type\":\"REFUND\"," + money.formatted("5.00") + "}");
    HttpResponse<String> longNote =
        client.action(
            id,
            "make-offer",
            "{\"note\":\""
                + "a".repeat(2001)
                + "\",\"offer_type\":\"REFUND\","
                + money.formatted("5.00")
                + "}");
    HttpResponse<String> noAmount =
        client.action(id, "make-offer", "{\"note\":\"x\",\"offer_type\":\"REFUND\"}");
    HttpResponse<String> badJson = client.action(id, "make-offer", "{\"note\":");

    assertThat(wrongType.statusCode()).isEqualTo(422);
    assertThat(SimClient.issue(wrongType)).isEqualTo("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
    assertThat(SimClient.json(wrongType).at("/details/0/field").asText()).isEqualTo("/offer_type");
    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(SimClient.issue(tooMuch)).isEqualTo("REFUND_AMOUNT_EXCEEDED");
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(SimClient.issue(noNote)).isEqualTo("MISSING_REQUIRED_PARAMETER");
    assertThat(SimClient.json(noNote).at("/details/0/field").asText()).isEqualTo("/note");
    assertThat(SimClient.issue(longNote)).isEqualTo("INVALID_STRING_LENGTH");
    assertThat(noAmount.statusCode()).isEqualTo(400);
    assertThat(SimClient.issue(badJson)).isEqualTo("MALFORMED_REQUEST_JSON");
    assertThat(sim.get(id).get("status").asText()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
    assertThat(sim.get(id).get("update_time").asText()).isEqualTo("2026-11-27T10:00:00.000Z");
  }

  @Test
  void partialNotAsDescribedOfferWithoutAddressIsRefused() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED, "100.00");

    HttpResponse<String> r =
        client.action(
            id,
            "make-offer",
            "{\"note\":\"Half back\",\"offer_type\":\"REFUND\",\"offer_amount\":{\"currency_code\":\"USD\",\"value\":\"50.00\"}}");

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(SimClient.issue(r)).isEqualTo("SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED");
  }

  @Test
  void anyNotAsDescribedOfferBelowTheDisputedAmountNeedsTheAddressAndAFullOneDoesNot() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED, "100.00");
    String offer =
        "{\"note\":\"Sorry\",\"offer_type\":\"REFUND_WITH_REPLACEMENT\","
            + "\"offer_amount\":{\"currency_code\":\"USD\",\"value\":\"%s\"}}";

    HttpResponse<String> below = client.action(id, "make-offer", offer.formatted("40.00"));

    assertThat(below.statusCode()).isEqualTo(422);
    assertThat(SimClient.issue(below)).isEqualTo("SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED");
    assertThat(SimClient.json(below).at("/details/0/field").asText())
        .isEqualTo("/return_shipping_address");
    ok(client.action(id, "make-offer", offer.formatted("100.00")));
  }

  @Test
  void returnAddressesPayPalCannotShipToAreRefusedOnThePartAtFault() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED, "100.00");
    String offer =
        "{\"note\":\"Back please\",\"offer_type\":\"REFUND_WITH_RETURN\","
            + "\"offer_amount\":{\"currency_code\":\"USD\",\"value\":\"100.00\"},\"return_shipping_address\":%s}";

    HttpResponse<String> noStreet =
        client.action(id, "make-offer", offer.formatted("{\"country_code\":\"US\"}"));
    HttpResponse<String> badCountry =
        client.action(
            id,
            "make-offer",
            offer.formatted("{\"address_line_1\":\"1 Main St\",\"country_code\":\"USA\"}"));
    HttpResponse<String> longPostcode =
        client.action(
            id,
            "make-offer",
            offer.formatted(
                "{\"address_line_1\":\"1 Main St\",\"postal_code\":\""
                    + "9".repeat(61)
                    + "\",\"country_code\":\"US\"}"));

    for (var r : List.of(noStreet, badCountry, longPostcode)) {
      assertThat(SimClient.issue(r)).isEqualTo("INVALID_RETURN_SHIPPING_ADDRESS_FORMAT");
    }
    assertThat(SimClient.json(noStreet).at("/details/0/field").asText())
        .isEqualTo("/return_shipping_address/address_line_1");
    assertThat(SimClient.json(badCountry).at("/details/0/field").asText())
        .isEqualTo("/return_shipping_address/country_code");
    assertThat(SimClient.json(longPostcode).at("/details/0/field").asText())
        .isEqualTo("/return_shipping_address/postal_code");
  }

  @Test
  void acceptClaimResolvesForTheBuyerWithTheFullAmount() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.UNAUTHORISED)
                .amount("192.00", "USD")
                .build());

    ok(
        client.action(
            id,
            "accept-claim",
            "{\"note\":\"Full refund to the customer.\",\"accept_claim_type\":\"REFUND\"}"));

    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(d.at("/dispute_outcome/outcome_code").asText()).isEqualTo("RESOLVED_BUYER_FAVOUR");
    assertThat(d.at("/dispute_outcome/amount_refunded/value").asText()).isEqualTo("192.00");
    assertThat(d.at("/disputed_transactions/0/transaction_status").asText()).isEqualTo("REFUNDED");
    assertThat(rels(d)).containsExactly("self");
  }

  @Test
  void acceptClaimWithPartialRefundRefundsThatAmount() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED, "80.00");

    ok(
        client.action(
            id,
            "accept-claim",
            "{\"note\":\"Partial\",\"accept_claim_type\":\"PARTIAL_REFUND\","
                + "\"refund_amount\":{\"currency_code\":\"USD\",\"value\":\"30.00\"}}"));

    JsonNode d = sim.get(id);
    assertThat(d.at("/dispute_outcome/amount_refunded/value").asText()).isEqualTo("30.00");
    assertThat(d.at("/disputed_transactions/0/transaction_status").asText())
        .isEqualTo("PARTIALLY_REFUNDED");
  }

  @Test
  void refundAmountOnAnItemNotReceivedCaseIsRefused() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED, "40.00");

    HttpResponse<String> r =
        client.action(
            id,
            "accept-claim",
            "{\"note\":\"Refund\",\"refund_amount\":{\"currency_code\":\"USD\",\"value\":\"40.00\"}}");

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(SimClient.issue(r)).isEqualTo("AMOUNT_SHOULD_NOT_BE_PASSED");
  }

  @Test
  void escalateTurnsTheInquiryIntoAClaimUnderReview() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED, "23.00");

    ok(client.action(id, "escalate", "{\"note\":\"Buyer does not answer.\"}"));

    JsonNode d = sim.get(id);
    assertThat(d.get("dispute_life_cycle_stage").asText()).isEqualTo("CHARGEBACK");
    assertThat(d.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(d.get("dispute_state").asText()).isEqualTo("UNDER_PAYPAL_REVIEW");
    assertThat(rels(d)).containsExactly("self", "provide_supporting_info");
  }

  @Test
  void supportingInfoIsAddedWhileUnderReview() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.UNAUTHORISED)
                .status(SimStatus.UNDER_REVIEW)
                .build());

    ok(
        client.action(
            id,
            "provide-supporting-info",
            "{\"notes\":\"Customer logged in from the usual device.\"}"));

    JsonNode info = sim.get(id).get("supporting_info").get(0);
    assertThat(info.get("notes").asText()).isEqualTo("Customer logged in from the usual device.");
    assertThat(info.get("source").asText()).isEqualTo("SUBMITTED_BY_SELLER");
    assertThat(sim.get(id).get("status").asText()).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void acknowledgingTheReturnRefundsTheBuyer() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .amount("64.50", "EUR")
                .returnShipped("REFUND_WITH_RETURN", "64.50")
                .build());

    ok(
        client.action(
            id,
            "acknowledge-return-item",
            "{\"note\":\"I have received the item back.\",\"acknowledgement_type\":\"ITEM_RECEIVED\"}"));

    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(d.at("/dispute_outcome/amount_refunded").toString())
        .isEqualTo("{\"currency_code\":\"EUR\",\"value\":\"64.50\"}");
  }

  @Test
  void actionWithoutItsLinkGetsPayPals422() {
    String id = sim.createDispute(SimDisputeSpec.builder().reason(SimReason.UNAUTHORISED).build());

    HttpResponse<String> r =
        client.action(
            id,
            "make-offer",
            "{\"note\":\"x\",\"offer_type\":\"REFUND\",\"offer_amount\":{\"currency_code\":\"USD\",\"value\":\"1.00\"}}");

    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode body = SimClient.json(r);
    assertThat(body.get("name").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(body.get("debug_id").asText()).matches("[0-9a-f]{13}");
    assertThat(SimClient.issue(r)).isEqualTo("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
    assertThat(body.at("/links/0/rel").asText()).isEqualTo("information_link");
    assertThat(r.headers().firstValue("Paypal-Debug-Id")).hasValue(body.get("debug_id").asText());
    assertThat(client.action(id, "escalate", "{\"note\":\"x\"}").statusCode()).isEqualTo(422);
    assertThat(client.action(id, "send-message", "{\"message\":\"x\"}").statusCode())
        .isEqualTo(422);
  }

  @Test
  void sandboxActionsAppearOnlyWhenEnabled() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.UNAUTHORISED)
                .status(SimStatus.UNDER_REVIEW)
                .build());

    assertThat(rels(sim.get(id))).doesNotContain("adjudicate", "require_evidence");
    assertThat(
            client
                .action(id, "adjudicate", "{\"adjudication_outcome\":\"BUYER_FAVOR\"}")
                .statusCode())
        .isEqualTo(422);
  }

  @Test
  void sandboxRequireEvidenceThenAdjudicate() {
    try (PayPalSimulator sandbox =
        PayPalSimulator.start(SimulatorOptions.defaults(clock).withSandboxLinks(true))) {
      SimClient c = new SimClient(sandbox).authenticate();
      String id =
          sandbox.createDispute(
              SimDisputeSpec.builder()
                  .reason(SimReason.UNAUTHORISED)
                  .status(SimStatus.UNDER_REVIEW)
                  .build());
      assertThat(rels(sandbox.get(id)))
          .containsExactly("self", "provide_supporting_info", "adjudicate", "require_evidence");

      ok(c.action(id, "require-evidence", "{\"action\":\"SELLER_EVIDENCE\"}"));
      JsonNode waiting = sandbox.get(id);
      assertThat(waiting.get("status").asText()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
      assertThat(waiting.get("evidences").findValuesAsText("source"))
          .contains("REQUESTED_FROM_SELLER");

      sandbox.setStatus(id, SimStatus.UNDER_REVIEW);
      ok(c.action(id, "adjudicate", "{\"adjudication_outcome\":\"SELLER_FAVOR\"}"));
      JsonNode done = sandbox.get(id);
      assertThat(done.at("/dispute_outcome/outcome_code").asText())
          .isEqualTo("RESOLVED_SELLER_FAVOUR");
      assertThat(done.at("/adjudications/0/type").asText()).isEqualTo("DENY_BUYER");
      assertThat(c.action(id, "require-evidence", "{\"action\":\"MAYBE\"}").statusCode())
          .isEqualTo(422);
    }
  }

  @Test
  void paypalRequestIdIsRecordedButDoesNotDeduplicate() {
    String id = inquiry(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED, "23.00");
    String path = "/v1/customer/disputes/" + id + "/send-message";
    for (int i = 0; i < 2; i++) {
      client.send(
          client
              .authorized(path)
              .header("Content-Type", "application/json")
              .header("PayPal-Request-Id", "same-id-twice")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"message\":\"Hello\"}")));
    }

    assertThat(sim.requestsTo("send-message"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.header("paypal-request-id")).isEqualTo("same-id-twice"));
    assertThat(sim.get(id).get("messages").findValuesAsText("content"))
        .containsExactly("Where is it?", "Hello", "Hello");
    assertThat(sim.requestsTo("send-message").get(0).bodyText())
        .isEqualTo("{\"message\":\"Hello\"}");
    sim.clearRequests();
    assertThat(sim.requests()).isEmpty();
  }
}
