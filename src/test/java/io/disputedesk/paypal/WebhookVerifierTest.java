package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.json.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  private static final String WEBHOOK_ID = "1JE4291016473214C";

  private final PayPalServer paypal = new PayPalServer();
  private final WebhookVerifier verifier = new WebhookVerifier(paypal.client);

  @AfterEach
  void stop() {
    paypal.close();
  }

  private static Map<String, String> headers() {
    Map<String, String> h = new HashMap<>();
    h.put("paypal-auth-algo", "SHA256withRSA");
    h.put(
        "Paypal-Cert-Url",
        "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270");
    h.put("PAYPAL-TRANSMISSION-ID", "69cd13f0-d67a-11e5-baa3-778b53f4ae55");
    h.put("PayPal-Transmission-Sig", "lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz");
    h.put("paypal-transmission-time", "2026-11-26T13:36:33Z");
    h.put("Content-Type", "application/json");
    return h;
  }

  @Test
  void successfulVerificationEmbedsTheEventByteForByte() throws Exception {
    // Unusual spacing and key order: a re-serialised event would lose both.
    String raw =
        Fixtures.text("webhook-customer-dispute-created.json").replace("\"id\": ", "\"id\"  :   ");
    paypal.token().enqueueJson(200, "{\"verification_status\":\"SUCCESS\"}");

    assertThat(verifier.verify(headers(), raw, WEBHOOK_ID)).isTrue();

    RecordedRequest request = paypal.takeAfterToken();
    assertThat(request.getPath()).isEqualTo("/v1/notifications/verify-webhook-signature");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + PayPalServer.TOKEN);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    String sent = request.getBody().readUtf8();
    assertThat(sent).contains("\"webhook_event\":" + raw);
    JsonNode body = Json.newMapper().readTree(sent);
    assertThat(body.path("auth_algo").asText()).isEqualTo("SHA256withRSA");
    assertThat(body.path("cert_url").asText())
        .startsWith("https://api.paypal.com/v1/notifications/certs/");
    assertThat(body.path("transmission_id").asText())
        .isEqualTo("69cd13f0-d67a-11e5-baa3-778b53f4ae55");
    assertThat(body.path("transmission_sig").asText()).startsWith("lmI95Jx3");
    assertThat(body.path("transmission_time").asText()).isEqualTo("2026-11-26T13:36:33Z");
    assertThat(body.path("webhook_id").asText()).isEqualTo(WEBHOOK_ID);
    assertThat(body.path("webhook_event").path("id").asText())
        .isEqualTo("WH-4M0448861G563140B-9EX36365822141321");
  }

  @Test
  void failureVerdictIsFalse() {
    paypal.token().enqueueJson(200, "{\"verification_status\":\"FAILURE\"}");

    assertThat(
            verifier.verify(
                headers(), Fixtures.text("webhook-customer-dispute-resolved.json"), WEBHOOK_ID))
        .isFalse();
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void missingHeaderIsFalseWithoutCallingPayPal() {
    for (String name :
        new String[] {
          "paypal-auth-algo",
          "Paypal-Cert-Url",
          "PAYPAL-TRANSMISSION-ID",
          "PayPal-Transmission-Sig",
          "paypal-transmission-time"
        }) {
      Map<String, String> h = headers();
      h.remove(name);
      assertThat(
              verifier.verify(
                  h, Fixtures.text("webhook-customer-dispute-created.json"), WEBHOOK_ID))
          .as("without %s", name)
          .isFalse();
    }
    Map<String, String> blank = headers();
    blank.put("PAYPAL-TRANSMISSION-SIG", " ");
    blank.remove("PayPal-Transmission-Sig");
    assertThat(
            verifier.verify(
                blank, Fixtures.text("webhook-customer-dispute-created.json"), WEBHOOK_ID))
        .isFalse();
    assertThat(paypal.server.getRequestCount()).isZero();
  }

  @Test
  void missingWebhookIdOrNonJsonBodyIsFalseWithoutCallingPayPal() {
    String raw = Fixtures.text("webhook-customer-dispute-created.json");
    assertThat(verifier.verify(headers(), raw, "")).isFalse();
    assertThat(verifier.verify(headers(), "not json", WEBHOOK_ID)).isFalse();
    assertThat(verifier.verify(headers(), "{\"id\":\"WH-1\"} trailing", WEBHOOK_ID)).isFalse();
    assertThat(verifier.verify(headers(), "", WEBHOOK_ID)).isFalse();
    assertThat(paypal.server.getRequestCount()).isZero();
  }

  @Test
  void headerValuesPayPalRejectsAreAFalseVerdict() {
    paypal
        .token()
        .enqueueJson(
            400,
            "{\"name\":\"VALIDATION_ERROR\",\"message\":\"Invalid request\","
                + "\"debug_id\":\"v400\",\"details\":[{\"field\":\"/auth_algo\",\"issue\":\"INVALID_PARAMETER_SYNTAX\"}]}");

    assertThat(
            verifier.verify(
                headers(), Fixtures.text("webhook-customer-dispute-created.json"), WEBHOOK_ID))
        .isFalse();
  }

  @Test
  void rejectedBotCredentialsAreAnException() {
    paypal
        .token()
        .enqueueJson(
            403,
            "{\"name\":\"NOT_AUTHORIZED\",\"message\":\"No permission\",\"debug_id\":\"f403\"}");

    assertThatThrownBy(
            () ->
                verifier.verify(
                    headers(), Fixtures.text("webhook-customer-dispute-created.json"), WEBHOOK_ID))
        .isInstanceOfSatisfying(
            PayPalException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
  }

  @Test
  void payPalOutageIsAnExceptionAfterOneCallNotAFalseVerdict() {
    paypal.token();
    paypal.enqueue(new MockResponse().setResponseCode(503));

    assertThatThrownBy(
            () ->
                verifier.verify(
                    headers(), Fixtures.text("webhook-customer-dispute-created.json"), WEBHOOK_ID))
        .isInstanceOfSatisfying(
            PayPalException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    // Anyone can make the bot verify: an outage must not multiply the calls.
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
    assertThat(paypal.sleeper.waits).isEmpty();
  }

  @Test
  void slowAnswerIsCutOffAtTheTimeoutWithoutRetrying() {
    WebhookVerifier quick = new WebhookVerifier(paypal.client, Duration.ofMillis(200));
    paypal.token();
    paypal.enqueue(
        new MockResponse()
            .setHeadersDelay(2, TimeUnit.SECONDS)
            .setBody("{\"verification_status\":\"SUCCESS\"}"));

    assertThatThrownBy(
            () ->
                quick.verify(
                    headers(), Fixtures.text("webhook-customer-dispute-created.json"), WEBHOOK_ID))
        .isInstanceOf(PayPalException.class)
        .hasMessageContaining("did not answer within 200 ms");
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
    assertThat(paypal.sleeper.waits).isEmpty();
  }
}
