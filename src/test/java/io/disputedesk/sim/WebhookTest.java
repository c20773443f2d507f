package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.disputedesk.testing.ShiftableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final PayPalSimulator sim =
      PayPalSimulator.start(SimulatorOptions.defaults(clock).withWebhookId("8PT597110X687430L"));
  private final SimClient client = new SimClient(sim).authenticate();
  private final AtomicReference<Headers> receivedHeaders = new AtomicReference<>();
  private final AtomicReference<byte[]> receivedBody = new AtomicReference<>();
  private HttpServer receiver;
  private String receiverUrl;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/webhooks/paypal",
        ex -> {
          try (InputStream in = ex.getRequestBody()) {
            receivedBody.set(in.readAllBytes());
          }
          receivedHeaders.set(ex.getRequestHeaders());
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.start();
    receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/paypal";
  }

  @AfterEach
  void close() {
    receiver.stop(0);
    sim.close();
  }

  private ObjectNode verification(String webhookId) throws IOException {
    Headers h = receivedHeaders.get();
    ObjectNode body = SimClient.MAPPER.createObjectNode();
    body.put("auth_algo", h.getFirst("PAYPAL-AUTH-ALGO"));
    body.put("cert_url", h.getFirst("PAYPAL-CERT-URL"));
    body.put("transmission_id", h.getFirst("PAYPAL-TRANSMISSION-ID"));
    body.put("transmission_sig", h.getFirst("PAYPAL-TRANSMISSION-SIG"));
    body.put("transmission_time", h.getFirst("PAYPAL-TRANSMISSION-TIME"));
    body.put("webhook_id", webhookId);
    body.set("webhook_event", SimClient.MAPPER.readTree(receivedBody.get()));
    return body;
  }

  private String verify(JsonNode body) {
    HttpResponse<String> r =
        client.postJson("/v1/notifications/verify-webhook-signature", body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return SimClient.json(r).get("verification_status").asText();
  }

  @Test
  void sendsAPayPalEnvelopeWithTransmissionHeaders() throws IOException {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .status(SimStatus.OPEN)
                .buyerMessage("Where is my order?")
                .build());

    int status = sim.sendWebhook(receiverUrl, "CUSTOMER.DISPUTE.CREATED", id);

    assertThat(status).isEqualTo(200);
    JsonNode event = SimClient.MAPPER.readTree(receivedBody.get());
    assertThat(event.get("id").asText()).matches("WH-[A-Z0-9]{17}-[A-Z0-9]{17}");
    assertThat(event.get("event_type").asText()).isEqualTo("CUSTOMER.DISPUTE.CREATED");
    assertThat(event.get("resource_type").asText()).isEqualTo("dispute");
    assertThat(event.get("event_version").asText()).isEqualTo("1.0");
    assertThat(event.get("summary").asText()).contains(id);
    assertThat(event.get("resource")).isEqualTo(sim.get(id));
    assertThat(event.at("/links/1/rel").asText()).isEqualTo("resend");
    Headers h = receivedHeaders.get();
    assertThat(h.getFirst("PAYPAL-AUTH-ALGO")).isEqualTo("SHA256withRSA");
    assertThat(h.getFirst("PAYPAL-CERT-URL")).startsWith(sim.baseUrl());
    assertThat(h.getFirst("PAYPAL-TRANSMISSION-ID")).isNotBlank();
    assertThat(h.getFirst("PAYPAL-TRANSMISSION-SIG")).isNotBlank();
    assertThat(h.getFirst("PAYPAL-TRANSMISSION-TIME")).isEqualTo("2026-11-27T10:00:00Z");
  }

  @Test
  void verificationSucceedsForAnEventTheSimulatorSent() throws IOException {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.sendWebhook(receiverUrl, "CUSTOMER.DISPUTE.UPDATED", id);

    assertThat(verify(verification("8PT597110X687430L"))).isEqualTo("SUCCESS");
  }

  @Test
  void verificationFailsForTamperedEventsSignaturesOrWebhookIds() throws IOException {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.sendWebhook(receiverUrl, "CUSTOMER.DISPUTE.RESOLVED", id);

    ObjectNode tamperedEvent = verification("8PT597110X687430L");
    ((ObjectNode) tamperedEvent.get("webhook_event").get("resource")).put("status", "RESOLVED");
    ObjectNode tamperedSig =
        verification("8PT597110X687430L").put("transmission_sig", "c2lnbmF0dXJl");
    ObjectNode droppedField = verification("8PT597110X687430L");
    ((ObjectNode) droppedField.get("webhook_event")).remove("summary");

    assertThat(verify(tamperedEvent)).isEqualTo("FAILURE");
    assertThat(verify(tamperedSig)).isEqualTo("FAILURE");
    assertThat(verify(droppedField)).isEqualTo("FAILURE");
    assertThat(verify(verification("WEBHOOK_ID"))).isEqualTo("FAILURE");
  }

  @Test
  void verificationNeedsEveryField() throws IOException {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.sendWebhook(receiverUrl, "CUSTOMER.DISPUTE.UPDATED", id);
    ObjectNode body = verification("8PT597110X687430L");
    body.remove("cert_url");

    HttpResponse<String> r =
        client.postJson("/v1/notifications/verify-webhook-signature", body.toString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(SimClient.issue(r)).isEqualTo("MISSING_REQUIRED_PARAMETER");
  }
}
