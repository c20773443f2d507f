package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.ShiftableClock;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final PayPalSimulator sim =
      PayPalSimulator.start(
          SimulatorOptions.defaults(clock).withHangTimeout(Duration.ofSeconds(3)));
  private final SimClient client = new SimClient(sim).authenticate();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void failNextAnswersWithPayPalErrorsThenRecovers() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.failNext("get", 503, 2);

    HttpResponse<String> first = client.get("/v1/customer/disputes/" + id);
    HttpResponse<String> second = client.get("/v1/customer/disputes/" + id);
    HttpResponse<String> third = client.get("/v1/customer/disputes/" + id);

    assertThat(first.statusCode()).isEqualTo(503);
    JsonNode body = SimClient.json(first);
    assertThat(body.get("name").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(body.get("debug_id").asText()).isNotBlank();
    assertThat(first.headers().firstValue("Paypal-Debug-Id")).isPresent();
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(sim.count("get")).isEqualTo(3);
  }

  @Test
  void injectedFailureLeavesTheDisputeUntouched() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.failNext("send-message", 500, 1);

    HttpResponse<String> r = client.action(id, "send-message", "{\"message\":\"hi\"}");

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(SimClient.json(r).get("name").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
    assertThat(sim.get(id).has("messages")).isFalse();
  }

  @Test
  void wildcardFailureHitsWhateverComesNext() {
    sim.failNext("*", 502, 1);

    assertThat(client.get("/v1/customer/disputes").statusCode()).isEqualTo(502);
    assertThat(client.get("/v1/customer/disputes").statusCode()).isEqualTo(200);
  }

  @Test
  void rateLimitSendsRetryAfter() {
    sim.rateLimitNext("list", 1, 7);

    HttpResponse<String> r = client.get("/v1/customer/disputes");

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(SimClient.json(r).get("name").asText()).isEqualTo("RATE_LIMIT_REACHED");
    assertThat(client.get("/v1/customer/disputes").statusCode()).isEqualTo(200);
  }

  @Test
  void hungActionIsAppliedButNeverAnswered() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.hangNext("send-message");
    HttpRequest.Builder request =
        client
            .authorized("/v1/customer/disputes/" + id + "/send-message")
            .timeout(Duration.ofMillis(400))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Did this arrive?\"}"));

    assertThatThrownBy(() -> client.send(request)).hasCauseInstanceOf(HttpTimeoutException.class);

    assertThat(sim.get(id).get("messages").findValuesAsText("content"))
        .containsExactly("Did this arrive?");
    assertThat(client.action(id, "send-message", "{\"message\":\"again\"}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void hungRequestIsDroppedAfterTheHangTimeout() {
    try (PayPalSimulator quick =
        PayPalSimulator.start(
            SimulatorOptions.defaults(clock).withHangTimeout(Duration.ofMillis(100)))) {
      SimClient c = new SimClient(quick).authenticate();
      String id = quick.createDispute(SimDisputeSpec.builder().build());
      quick.hangNext("escalate");

      // A POST, because java.net.http quietly retries an idempotent GET on a dropped connection.
      assertThatThrownBy(() -> c.action(id, "escalate", "{\"note\":\"x\"}"))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(quick.get(id).get("dispute_life_cycle_stage").asText()).isEqualTo("CHARGEBACK");
    }
  }

  @Test
  void delayedActionsTakeAtLeastTheDelay() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.delayActions(Duration.ofMillis(300));

    long start = System.nanoTime();
    HttpResponse<String> r = client.action(id, "send-message", "{\"message\":\"slow\"}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    sim.clearFaults();
  }

  @Test
  void sandboxTestValuesAnswerWithTheirErrors() {
    assertThat(client.get("/v1/customer/disputes?disputed_transaction_id=ERRDIS027").statusCode())
        .isEqualTo(429);
    HttpResponse<String> pageSize =
        client.get("/v1/customer/disputes?disputed_transaction_id=ERRDIS032");
    assertThat(pageSize.statusCode()).isEqualTo(400);
    assertThat(SimClient.issue(pageSize)).isEqualTo("INVALID_PAGE_SIZE");
    assertThat(client.get("/v1/customer/disputes?disputed_transaction_id=ERRDIS023").statusCode())
        .isEqualTo(403);

    HttpResponse<String> get = client.get("/v1/customer/disputes/ERRDIS016");
    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(SimClient.issue(get)).isEqualTo("INVALID_RESOURCE_ID");
    assertThat(client.get("/v1/customer/disputes/ERRDIS020").statusCode()).isEqualTo(503);

    assertThat(client.action("ERRDIS108", "make-offer", "{}").statusCode()).isEqualTo(422);
    assertThat(client.action("ERRDIS102", "make-offer", "{}").statusCode()).isEqualTo(406);
    HttpResponse<String> amount = client.action("ERRDIS060", "accept-claim", "{\"note\":\"x\"}");
    assertThat(amount.statusCode()).isEqualTo(422);
    assertThat(SimClient.issue(amount)).isEqualTo("AMOUNT_SHOULD_NOT_BE_PASSED");
    assertThat(SimClient.issue(client.action("ERRDIS061", "accept-claim", "{}")))
        .isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(SimClient.issue(client.multipart("ERRDIS050", "provide-evidence", "{}")))
        .isEqualTo("MISSING_TRACKING_INFO");
    assertThat(client.action("ERRDIS057", "accept-claim", "{}").statusCode()).isEqualTo(500);
  }
}
