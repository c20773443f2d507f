package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.json.Json;
import java.time.LocalDate;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShipmentTrackingTest {
  private static final String TXN = "8MC585209K746392H";

  private final ObjectMapper mapper = Json.newMapper();
  private final PayPalServer paypal = new PayPalServer();
  private final ShipmentTracking tracking = new ShipmentTracking(paypal.client);

  @AfterEach
  void stop() {
    paypal.close();
  }

  @Test
  void trackersOfATransactionAreListedWithUnknownStatusesAndFieldsTolerated() {
    paypal
        .token()
        .enqueueJson(
            200,
            """
        {"trackers":[
          {"transaction_id":"8MC585209K746392H","tracking_number":"443844607820","status":"DELIVERED",
           "shipment_date":"2026-11-04","carrier":"FEDEX","last_updated_time":"2026-11-06T08:00:00+0000",
           "shipment_direction":"FORWARD","links":[{"href":"https://x/v1/shipping/trackers/8MC585209K746392H-443844607820","rel":"self"}]},
          {"transaction_id":"8MC585209K746392H","tracking_number":"JJD0099","status":"TELEPORTED",
           "carrier":"OTHER","carrier_name_other":"Hermes Germany","shipment_direction":"RETURN","hologram":true}],
         "links":[{"href":"https://x/v1/shipping/trackers?transaction_id=8MC585209K746392H","rel":"self"}]}
        """);

    List<Tracker> trackers = tracking.trackers(TXN);

    RecordedRequest request = paypal.takeAfterToken();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/v1/shipping/trackers?transaction_id=" + TXN);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + PayPalServer.TOKEN);
    assertThat(trackers).hasSize(2);
    Tracker fedex = trackers.get(0);
    assertThat(fedex.status()).isEqualTo(TrackingStatus.DELIVERED);
    assertThat(fedex.shippedOn()).contains(LocalDate.of(2026, 11, 4));
    assertThat(fedex.carrierName()).contains("FEDEX");
    assertThat(fedex.isReturn()).isFalse();
    Tracker back = trackers.get(1);
    assertThat(back.status()).isEqualTo(TrackingStatus.UNKNOWN);
    assertThat(back.carrierName()).contains("Hermes Germany");
    assertThat(back.isReturn()).isTrue();
    assertThat(back.shippedOn()).isEmpty();
  }

  @Test
  void aSingleTrackerAnswerAsThePublishedSpecDescribesItReadsToo() {
    paypal
        .token()
        .enqueueJson(
            200,
            """
        {"transaction_id":"8MC585209K746392H","tracking_number":"443844607820","status":"SHIPPED","carrier":"UPS"}
        """);

    assertThat(tracking.trackers(TXN))
        .extracting(Tracker::trackingNumber)
        .containsExactly("443844607820");
  }

  @Test
  void noTrackersAndNotFoundBothMeanNone() {
    paypal
        .token()
        .enqueueJson(200, "{\"links\":[]}")
        .enqueueJson(
            404,
            "{\"name\":\"RESOURCE_NOT_FOUND\",\"message\":\"The specified resource does not exist.\",\"debug_id\":\"d1\"}");

    assertThat(tracking.trackers(TXN)).isEmpty();
    assertThat(tracking.trackers(TXN)).isEmpty();
  }

  @Test
  void withoutTrackingAccessPayPalAnswers403() {
    paypal
        .token()
        .enqueueJson(
            403,
            "{\"name\":\"NOT_AUTHORIZED\",\"message\":\"Authorization failed due to"
                + " insufficient permissions.\",\"debug_id\":\"d2\"}");

    assertThatThrownBy(() -> tracking.trackers(TXN))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.operation()).isEqualTo("trackers.list");
            });
  }

  @Test
  void addingATrackerPostsTheSpecsCollectionOnceWithItsRequestId() throws Exception {
    paypal
        .token()
        .enqueueJson(
            200,
            """
        {"tracker_identifiers":[{"transaction_id":"8MC585209K746392H","tracking_number":"1Z999AA10123456784",
          "links":[{"href":"https://x/v1/shipping/trackers/8MC585209K746392H-1Z999AA10123456784","rel":"self"}]}],
         "links":[]}
        """);

    List<String> ids =
        tracking.add(
            NewTracker.shipped(TXN, "UPS", "1Z999AA10123456784", LocalDate.of(2026, 11, 2)),
            "tracker-req-1");

    assertThat(ids).containsExactly("8MC585209K746392H-1Z999AA10123456784");
    RecordedRequest request = paypal.takeAfterToken();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v1/shipping/trackers");
    assertThat(request.getHeader("PayPal-Request-Id")).isEqualTo("tracker-req-1");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    JsonNode body = mapper.readTree(request.getBody().readUtf8());
    assertThat(body)
        .isEqualTo(
            mapper.readTree(
                """
        {"trackers":[{"transaction_id":"8MC585209K746392H","tracking_number":"1Z999AA10123456784",
          "status":"SHIPPED","carrier":"UPS","shipment_date":"2026-11-02"}]}
        """));
  }

  @Test
  void aServerErrorWhileAddingIsNotSentAgain() {
    paypal
        .token()
        .enqueueJson(
            500, "{\"name\":\"INTERNAL_SERVER_ERROR\",\"message\":\"x\",\"debug_id\":\"d3\"}");

    assertThatThrownBy(() -> tracking.add(NewTracker.shipped(TXN, "UPS", "1Z9", null), "req-2"))
        .isInstanceOf(ActionOutcomeUnknownException.class);
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void trackersBreakingTheSchemaAreRefusedBeforeAnyCall() {
    assertThatThrownBy(
            () -> new NewTracker(TXN, "123", TrackingStatus.SHIPPED, null, null, null, null))
        .hasMessageContaining("carrier");
    assertThatThrownBy(
            () -> new NewTracker(TXN, "123", TrackingStatus.SHIPPED, "OTHER", null, null, null))
        .hasMessageContaining("carrierNameOther");
    assertThatThrownBy(
            () -> new NewTracker(TXN, null, TrackingStatus.UNKNOWN, null, null, null, null))
        .hasMessageContaining("status");
    assertThatThrownBy(
            () ->
                new NewTracker("8MC5-85209", null, TrackingStatus.SHIPPED, null, null, null, null))
        .hasMessageContaining("transactionId");
    assertThatThrownBy(() -> tracking.trackers("8MC5?x=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(paypal.server.getRequestCount()).isZero();
  }
}
