package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.ShiftableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's Transaction Search and Shipment Tracking: state, permissions, paging, seeds. */
class OrderEndpointsTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
  private final SimClient client = new SimClient(sim).authenticate();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void newTokensCarryTheSearchAndTrackingScopesOnlyWhileTheAppHasTheFeatures() {
    String on =
        SimClient.json(client.token("sim-client-id", "sim-client-secret")).path("scope").asText();
    sim.orders().transactionSearch(false);
    String noSearch =
        SimClient.json(client.token("sim-client-id", "sim-client-secret")).path("scope").asText();
    sim.orders().shipmentTracking(false);
    String neither =
        SimClient.json(client.token("sim-client-id", "sim-client-secret")).path("scope").asText();

    assertThat(on).contains(SimPermissions.SEARCH_SCOPE, SimPermissions.TRACKING_SCOPE);
    assertThat(noSearch)
        .doesNotContain(SimPermissions.SEARCH_SCOPE)
        .contains(SimPermissions.TRACKING_SCOPE);
    assertThat(neither)
        .doesNotContain(SimPermissions.SEARCH_SCOPE, SimPermissions.TRACKING_SCOPE)
        .contains("disputes/read-seller");
    assertThat(client.get("/v1/shipping/trackers?transaction_id=ABC").statusCode()).isEqualTo(403);
  }

  @Test
  void shipmentsChangeWithoutTouchingTheDispute() {
    String id = sim.createDispute(SimDisputeSpec.builder().noTracker().build());
    String updated = sim.get(id).path("update_time").asText();
    String txn = sim.sellerTransactionId(id);
    clock.advance(Duration.ofMinutes(5));

    HttpResponse<String> added =
        client.postJson(
            "/v1/shipping/trackers",
            "{\"trackers\":[{\"transaction_id\":\""
                + txn
                + "\",\"tracking_number\":\"RM123456789GB\",\"status\":\"SHIPPED\",\"carrier\":\"ROYAL_MAIL\"}]}");
    sim.orders().setTrackingStatus(id, "DELIVERED");
    HttpResponse<String> replaced =
        client.postJson(
            "/v1/shipping/trackers",
            "{\"trackers\":[{\"transaction_id\":\""
                + txn
                + "\",\"tracking_number\":\"RM123456789GB\",\"status\":\"RETURNED\",\"carrier\":\"ROYAL_MAIL\"}]}");

    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(sim.orders().trackingNumbers(id)).containsExactly("RM123456789GB");
    JsonNode list = SimClient.json(client.get("/v1/shipping/trackers?transaction_id=" + txn));
    assertThat(list.path("trackers").get(0).path("status").asText()).isEqualTo("RETURNED");
    assertThat(sim.get(id).path("update_time").asText()).isEqualTo(updated);
  }

  @Test
  void trackersForAnUnknownPaymentAreRefusedAndNothingIsAdded() {
    String id = sim.createDispute(SimDisputeSpec.builder().noTracker().build());
    String txn = sim.sellerTransactionId(id);

    HttpResponse<String> mixed =
        client.postJson(
            "/v1/shipping/trackers",
            "{\"trackers\":["
                + "{\"transaction_id\":\""
                + txn
                + "\",\"status\":\"SHIPPED\"},"
                + "{\"transaction_id\":\"UNKNOWN0000000000\",\"status\":\"SHIPPED\"}]}");

    assertThat(mixed.statusCode()).isEqualTo(404);
    assertThat(sim.orders().trackingNumbers(id)).isEmpty();
    assertThat(
            client
                .raw(
                    "PUT",
                    "/v1/shipping/trackers/" + txn + "-1",
                    "application/json",
                    "{}",
                    Map.of())
                .statusCode())
        .isEqualTo(405);
  }

  @Test
  void searchingWithoutAnIdListsThePaymentsOfTheWindowPageByPage() {
    List<String> txns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      txns.add(
          sim.sellerTransactionId(
              sim.createDispute(
                  SimDisputeSpec.builder()
                      .transactionTime(NOW.minus(Duration.ofDays(5 + i)))
                      .build())));
    }
    sim.createDispute(
        SimDisputeSpec.builder()
            .withoutTransactionSearch()
            .transactionTime(NOW.minus(Duration.ofDays(6)))
            .build());
    String window = "start_date=2026-11-01T00:00:00Z&end_date=2026-11-27T10:00:00Z";

    JsonNode page2 =
        SimClient.json(client.get("/v1/reporting/transactions?" + window + "&page_size=2&page=2"));

    assertThat(page2.path("total_items").asInt()).isEqualTo(3);
    assertThat(page2.path("total_pages").asInt()).isEqualTo(2);
    assertThat(page2.path("transaction_details"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.at("/transaction_info/transaction_id").asText())
                    .isEqualTo(txns.get(0)));
    assertThat(page2.at("/transaction_details/0/cart_info").isMissingNode()).isTrue();
  }

  @Test
  void theRealisticSeedHasOrdersInEveryStateTheCardsShow() {
    List<String> ids = SimSeeds.realistic(sim, clock, new Random(1));
    String window = "&start_date=%s&end_date=%s";
    int delivered = 0;
    int inTransit = 0;
    int untracked = 0;
    int unsearchable = 0;
    for (String id : ids) {
      JsonNode trackers =
          SimClient.json(
                  client.get("/v1/shipping/trackers?transaction_id=" + sim.sellerTransactionId(id)))
              .path("trackers");
      String statuses = trackers.toString();
      delivered += statuses.contains("\"DELIVERED\"") ? 1 : 0;
      inTransit += statuses.contains("\"IN_TRANSIT\"") ? 1 : 0;
      untracked += trackers.isMissingNode() ? 1 : 0;
      Instant paid = Instant.parse(sim.get(id).at("/disputed_transactions/0/create_time").asText());
      int status =
          client
              .get(
                  "/v1/reporting/transactions?transaction_id="
                      + sim.sellerTransactionId(id)
                      + String.format(
                          window, paid.minus(Duration.ofDays(1)), paid.plus(Duration.ofDays(1))))
              .statusCode();
      unsearchable += status == 403 ? 1 : 0;
    }

    assertThat(delivered).isGreaterThanOrEqualTo(3);
    assertThat(inTransit).isGreaterThanOrEqualTo(2);
    assertThat(untracked).isGreaterThanOrEqualTo(2);
    assertThat(unsearchable).isEqualTo(1);
  }
}
