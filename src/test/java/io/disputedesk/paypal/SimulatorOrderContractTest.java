package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.json.Json;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimulatorOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The simulator's Transaction Search, Shipment Tracking and dispute PATCH answers, checked against
 * PayPal's official files: success bodies against the declared schemas, errors against the declared
 * error answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorOrderContractTest {
  private static final String SEARCH = "/v1/reporting/transactions";
  private static final String TRACKERS = "/v1/shipping/trackers";

  private final ObjectMapper mapper = Json.newMapper();
  private final SpecSchemas reporting = new SpecSchemas(mapper, SpecSchemas.REPORTING);
  private final SpecSchemas tracking = new SpecSchemas(mapper, SpecSchemas.TRACKING);
  private final SpecSchemas disputes = new SpecSchemas(mapper);
  private final PayPalSimulator sim =
      PayPalSimulator.start(SimulatorOptions.defaults(Clock.systemUTC()));
  private final HttpClient http = HttpClient.newHttpClient();
  private final String token = token();

  @AfterAll
  void stop() {
    sim.close();
  }

  @Test
  void searchAnswersMatchTheSearchResponseSchema() throws Exception {
    String plain = sim.createDispute(SimDisputeSpec.builder().build());
    String awkward =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .buyerName("Chloé Martin-Müller")
                .itemName("Running shoes (size 42) — “limited”")
                .addItem("Kids' rain jacket", "PRODUCT", 3, "12.00")
                .invoiceNumber("INV#2026/17")
                .build());
    String ref = reporting.jsonResponseRef("get", SEARCH, "200");

    for (String id : new String[] {plain, awkward}) {
      HttpResponse<String> r =
          get(
              SEARCH
                  + "?transaction_id="
                  + sim.sellerTransactionId(id)
                  + "&fields=all&"
                  + window(Instant.now().minus(Duration.ofDays(20)), Instant.now()));
      JsonNode body = mapper.readTree(r.body());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(body.path("transaction_details")).hasSize(1);
      assertThat(reporting.validate(ref, body)).as("%s", body).isEmpty();
    }
    HttpResponse<String> all =
        get(
            SEARCH
                + "?fields=all&"
                + window(Instant.now().minus(Duration.ofDays(20)), Instant.now()));
    assertThat(reporting.validate(ref, mapper.readTree(all.body()))).isEmpty();
    assertThat(mapper.readTree(all.body()).path("transaction_details").size())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void searchRefusalsMatchTheDeclaredErrors() throws Exception {
    String denied = sim.createDispute(SimDisputeSpec.builder().withoutTransactionSearch().build());
    String ref = reporting.jsonResponseRef("get", SEARCH, "default");

    HttpResponse<String> forbidden =
        get(
            SEARCH
                + "?transaction_id="
                + sim.sellerTransactionId(denied)
                + "&"
                + window(Instant.now().minus(Duration.ofDays(20)), Instant.now()));
    HttpResponse<String> tooLong =
        get(SEARCH + "?" + window(Instant.now().minus(Duration.ofDays(40)), Instant.now()));
    HttpResponse<String> noDates =
        get(SEARCH + "?transaction_id=" + sim.sellerTransactionId(denied));

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(mapper.readTree(forbidden.body()).path("name").asText()).isEqualTo("NOT_AUTHORIZED");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(noDates.statusCode()).isEqualTo(400);
    for (HttpResponse<String> r : java.util.List.of(forbidden, tooLong, noDates)) {
      assertThat(reporting.validate(ref, mapper.readTree(r.body()))).as("%s", r.body()).isEmpty();
    }
  }

  @Test
  void trackerAnswersMatchTheTrackerSchemas() throws Exception {
    String shipped =
        sim.createDispute(
            SimDisputeSpec.builder()
                .tracker("USPS", "9400111899223817000001", "SHIPPED")
                .tracker("ROYAL_MAIL", "RM123456789GB", "DELIVERED")
                .build());
    String none = sim.createDispute(SimDisputeSpec.builder().noTracker().build());
    String txn = sim.sellerTransactionId(shipped);
    // The published file declares the list answer as one tracker; PayPal answers a collection of
    // them, so each element is checked as the declared tracker and the whole as a
    // tracker_collection.
    String declared = tracking.jsonResponseRef("get", TRACKERS, "200");

    JsonNode list = mapper.readTree(get(TRACKERS + "?transaction_id=" + txn).body());
    JsonNode empty =
        mapper.readTree(get(TRACKERS + "?transaction_id=" + sim.sellerTransactionId(none)).body());
    HttpResponse<String> one = get(TRACKERS + "/" + txn + "-RM123456789GB");
    HttpResponse<String> unknown = get(TRACKERS + "?transaction_id=0000000000000000Z");

    assertThat(declared).isEqualTo("#/components/schemas/tracker");
    assertThat(list.path("trackers")).hasSize(2);
    for (JsonNode t : list.path("trackers")) {
      assertThat(tracking.validate(declared, t)).as("%s", t).isEmpty();
    }
    assertThat(tracking.validate("#/components/schemas/tracker_collection", list)).isEmpty();
    assertThat(tracking.validate("#/components/schemas/tracker_collection", empty)).isEmpty();
    assertThat(empty.has("trackers")).isFalse();
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(
            tracking.validate(
                tracking.jsonResponseRef("get", TRACKERS + "/{id}", "200"),
                mapper.readTree(one.body())))
        .isEmpty();
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(
            tracking.validate(
                tracking.jsonResponseRef("get", TRACKERS, "default"),
                mapper.readTree(unknown.body())))
        .isEmpty();
  }

  @Test
  void addingATrackerAnswersTheIdentifierCollectionAndTheListShowsIt() throws Exception {
    String id = sim.createDispute(SimDisputeSpec.builder().noTracker().build());
    String txn = sim.sellerTransactionId(id);
    String body =
        "{\"trackers\":[{\"transaction_id\":\""
            + txn
            + "\",\"tracking_number\":\"1Z999AA10123456784\","
            + "\"status\":\"SHIPPED\",\"carrier\":\"UPS\",\"shipment_date\":\"2026-11-02\"}]}";

    HttpResponse<String> added = post(TRACKERS, body);
    HttpResponse<String> refused =
        post(TRACKERS, "{\"trackers\":[{\"transaction_id\":\"" + txn + "\"}]}");
    JsonNode list = mapper.readTree(get(TRACKERS + "?transaction_id=" + txn).body());

    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(
            tracking.validate(
                tracking.jsonResponseRef("post", TRACKERS, "200"), mapper.readTree(added.body())))
        .isEmpty();
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(
            tracking.validate(
                tracking.jsonResponseRef("post", TRACKERS, "default"),
                mapper.readTree(refused.body())))
        .isEmpty();
    assertThat(list.path("trackers"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.path("tracking_number").asText()).isEqualTo("1Z999AA10123456784");
              assertThat(t.path("shipment_date").asText()).isEqualTo("2026-11-02");
            });
  }

  @Test
  void patchedContactDetailsAreKeptInTheSpecsShape() throws Exception {
    String id = sim.createDispute(SimDisputeSpec.builder().build());

    HttpResponse<String> patched =
        send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/customer/disputes/" + id))
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"op\":\"add\",\"path\":\"/communication_details\","
                            + "\"value\":{\"email\":\"disputes@shop.example\",\"note\":\"Photos welcome.\"}}]"))
                .header("Content-Type", "application/json"));
    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/customer/disputes/" + id))
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"op\":\"add\",\"path\":\"/communication_details\","
                            + "\"value\":{\"email\":\"nobody\"}}]"))
                .header("Content-Type", "application/json"));
    JsonNode details =
        mapper.readTree(get("/v1/customer/disputes/" + id).body()).path("communication_details");

    assertThat(patched.statusCode()).isEqualTo(204);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(details.path("email").asText()).isEqualTo("disputes@shop.example");
    assertThat(details.path("note").asText()).isEqualTo("Photos welcome.");
    assertThat(disputes.validate("#/components/schemas/communication_details", details)).isEmpty();
  }

  private static String window(Instant start, Instant end) {
    DateTimeFormatter f = DateTimeFormatter.ISO_INSTANT;
    return "start_date="
        + URLEncoder.encode(f.format(start.truncatedTo(ChronoUnit.SECONDS)), StandardCharsets.UTF_8)
        + "&end_date="
        + URLEncoder.encode(f.format(end.truncatedTo(ChronoUnit.SECONDS)), StandardCharsets.UTF_8);
  }

  private String token() {
    String basic =
        Base64.getEncoder()
            .encodeToString("sim-client-id:sim-client-secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
            false);
    try {
      return mapper.readTree(r.body()).path("access_token").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).GET());
  }

  private HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .header("PayPal-Request-Id", java.util.UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, true);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, boolean authorised) {
    if (authorised) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
