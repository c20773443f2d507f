package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.ActionRequest.UpdateContactDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the client sends to Transaction Search, Shipment Tracking and the dispute PATCH, checked
 * against PayPal's official files (query parameters and bodies). The simulator's answers are
 * checked in {@link SimulatorOrderContractTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderContractTest {
  private static final String SEARCH = "/v1/reporting/transactions";
  private static final String TRACKERS = "/v1/shipping/trackers";

  private final ObjectMapper mapper = Json.newMapper();
  private final SpecSchemas reporting = new SpecSchemas(mapper, SpecSchemas.REPORTING);
  private final SpecSchemas tracking = new SpecSchemas(mapper, SpecSchemas.TRACKING);
  private final SpecSchemas disputes = new SpecSchemas(mapper);
  private final PayPalServer paypal = new PayPalServer();

  OrderContractTest() {
    paypal.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getRequestUrl().encodedPath();
            if (path.equals("/v1/oauth2/token")) {
              return PayPalServer.json(200, Fixtures.text("oauth2-token-response.json"));
            }
            if (path.equals(TRACKERS) && request.getMethod().equals("POST")) {
              return PayPalServer.json(
                  200, "{\"tracker_identifiers\":[{\"transaction_id\":\"8MC585209K746392H\"}]}");
            }
            if (request.getMethod().equals("PATCH")) {
              return new MockResponse().setResponseCode(204);
            }
            return PayPalServer.json(200, "{}");
          }
        });
  }

  @AfterAll
  void stop() {
    paypal.close();
  }

  @Test
  void transactionSearchSendsEveryRequiredParameterInTheSpecsFormat() {
    new TransactionSearch(paypal.client, paypal.clock)
        .find("5TY05013RG002845M", Instant.parse("2026-11-03T10:00:00Z"));

    HttpUrl url = last("GET", SEARCH).getRequestUrl();
    assertThat(url.queryParameterNames())
        .containsAll(reporting.requiredQueryParameters("get", SEARCH));
    for (String name : url.queryParameterNames()) {
      String ref = reporting.parameterSchemaRef("get", SEARCH, name);
      assertThat(
              reporting.validate(ref, mapper.getNodeFactory().textNode(url.queryParameter(name))))
          .as("%s=%s against %s", name, url.queryParameter(name), ref)
          .isEmpty();
    }
    assertThat(url.queryParameterNames())
        .contains("transaction_id", "fields", "start_date", "end_date");
  }

  @Test
  void trackerListSendsTheTransactionIdTheSpecRequires() {
    new ShipmentTracking(paypal.client).trackers("8MC585209K746392H");

    HttpUrl url = last("GET", TRACKERS).getRequestUrl();
    assertThat(url.queryParameterNames())
        .containsAll(tracking.requiredQueryParameters("get", TRACKERS));
    for (String name : url.queryParameterNames()) {
      String ref = tracking.parameterSchemaRef("get", TRACKERS, name);
      assertThat(tracking.validate(ref, mapper.getNodeFactory().textNode(url.queryParameter(name))))
          .isEmpty();
    }
  }

  @Test
  void addedTrackerBodyMatchesTheSpecsTrackerCollection() throws Exception {
    String ref = tracking.jsonRequestRef("post", TRACKERS);
    ShipmentTracking shipments = new ShipmentTracking(paypal.client);

    shipments.add(
        NewTracker.shipped(
            "8MC585209K746392H", "UPS", "1Z999AA10123456784", LocalDate.of(2026, 11, 2)),
        "contract-1");
    JsonNode shipped = mapper.readTree(last("POST", TRACKERS).getBody().readUtf8());
    shipments.add(
        new NewTracker(
            "8MC585209K746392H", null, TrackingStatus.LOCAL_PICKUP, null, null, null, true),
        "contract-2");
    JsonNode pickedUp = mapper.readTree(last("POST", TRACKERS).getBody().readUtf8());

    assertThat(ref).isEqualTo("#/components/schemas/tracker_collection");
    assertThat(tracking.validate(ref, shipped)).as("%s", shipped).isEmpty();
    assertThat(tracking.validate(ref, pickedUp)).as("%s", pickedUp).isEmpty();
  }

  @Test
  void contactDetailsPatchMatchesThePatchRequestAndCommunicationDetails() throws Exception {
    paypal.client.perform(
        "PP-D-27803",
        new UpdateContactDetails("disputes@shop.example", "Write to us."),
        null,
        "contract-3");

    JsonNode sent =
        mapper.readTree(last("PATCH", "/v1/customer/disputes/PP-D-27803").getBody().readUtf8());
    assertThat(
            disputes.validate(disputes.jsonRequestRef("patch", "/v1/customer/disputes/{id}"), sent))
        .isEmpty();
    assertThat(sent.get(0).get("path").asText()).isEqualTo("/communication_details");
    assertThat(
            disputes.validate(
                "#/components/schemas/communication_details", sent.get(0).get("value")))
        .isEmpty();
  }

  @Test
  void theValidatorRejectsWhatBreaksTheNewSpecs() throws Exception {
    ObjectNode noStatus =
        (ObjectNode)
            mapper.readTree(
                "{\"trackers\":[{\"transaction_id\":\"8MC585209K746392H\",\"carrier\":\"UPS\"}]}");
    ObjectNode badCarrier =
        (ObjectNode)
            mapper.readTree(
                "{\"trackers\":[{\"transaction_id\":\"8MC585209K746392H\",\"status\":\"SHIPPED\",\"carrier\":\"ACME_EXPRESS\"}]}");

    assertThat(tracking.validate("#/components/schemas/tracker_collection", noStatus)).isNotEmpty();
    assertThat(tracking.validate("#/components/schemas/tracker_collection", badCarrier))
        .isNotEmpty();
    String date = reporting.parameterSchemaRef("get", SEARCH, "start_date");
    assertThat(reporting.validate(date, mapper.getNodeFactory().textNode("2026-11-03T10:00Z")))
        .isNotEmpty();
    assertThat(
            reporting.validate(date, mapper.getNodeFactory().textNode("2026-11-03T10:00:00-0700")))
        .isNotEmpty();
    assertThat(reporting.validate(date, mapper.getNodeFactory().textNode("2026-11-03T10:00:00Z")))
        .isEmpty();
    assertThat(
            disputes.validate(
                "#/components/schemas/communication_details",
                mapper.readTree("{\"email\":\"nobody\"}")))
        .isNotEmpty();
  }

  /** The last request with this method and path (token fetches and other calls skipped). */
  private RecordedRequest last(String method, String path) {
    RecordedRequest found = null;
    Set<String> seen = new TreeSet<>();
    RecordedRequest r;
    while ((r = poll()) != null) {
      seen.add(r.getMethod() + " " + r.getRequestUrl().encodedPath());
      if (r.getMethod().equals(method) && r.getRequestUrl().encodedPath().equals(path)) {
        found = r;
      }
    }
    if (found == null) {
      throw new AssertionError("no " + method + " " + path + " among " + seen);
    }
    return found;
  }

  private RecordedRequest poll() {
    try {
      return paypal.server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
