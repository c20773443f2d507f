package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.testing.ShiftableClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobustnessTest {
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
  private final SimClient client = new SimClient(sim).authenticate();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void unknownPathIsA404WithAPayPalErrorBody() {
    HttpResponse<String> r = client.get("/v2/checkout/orders/123");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(SimClient.json(r).get("name").asText()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(client.action("PP-D-1", "cancel", "{}").statusCode()).isEqualTo(404);
    assertThat(sim.count("unknown")).isEqualTo(2);
  }

  @Test
  void wrongMethodIsA405() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());

    HttpResponse<String> getAction = client.get("/v1/customer/disputes/" + id + "/make-offer");
    HttpResponse<String> deleteDispute =
        client.raw("DELETE", "/v1/customer/disputes/" + id, null, null, Map.of());
    HttpResponse<String> postList = client.postJson("/v1/customer/disputes", "{}");

    assertThat(getAction.statusCode()).isEqualTo(405);
    assertThat(getAction.headers().firstValue("Allow")).hasValue("POST");
    assertThat(SimClient.json(getAction).get("name").asText()).isEqualTo("METHOD_NOT_SUPPORTED");
    assertThat(deleteDispute.statusCode()).isEqualTo(405);
    assertThat(postList.statusCode()).isEqualTo(405);
  }

  @Test
  void garbageBodiesGet400sAndTheSimulatorKeepsServing() {
    String id = sim.createDispute(SimDisputeSpec.builder().reason(SimReason.UNAUTHORISED).build());

    assertThat(client.action(id, "accept-claim", "[1,2,3]").statusCode()).isEqualTo(400);
    assertThat(client.action(id, "accept-claim", "\u0000\u0001 not json").statusCode())
        .isEqualTo(400);
    assertThat(client.action(id, "accept-claim", "{\"note\":42}").statusCode()).isEqualTo(400);
    assertThat(
            client
                .action(id, "accept-claim", "{\"note\":\"x\",\"refund_amount\":\"lots\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            client
                .raw(
                    "POST",
                    "/v1/customer/disputes/" + id + "/provide-evidence",
                    "multipart/form-data; boundary=xyz",
                    "no boundary here",
                    Map.of())
                .statusCode())
        .isEqualTo(400);
    assertThat(
            client
                .raw(
                    "POST",
                    "/v1/customer/disputes/" + id + "/provide-evidence",
                    "multipart/form-data",
                    "--\r\n",
                    Map.of())
                .statusCode())
        .isEqualTo(400);
    assertThat(
            client
                .raw(
                    "POST",
                    "/v1/customer/disputes/" + id + "/accept-claim",
                    "text/plain",
                    "note=x",
                    Map.of())
                .statusCode())
        .isEqualTo(415);
    assertThat(client.get("/v1/customer/disputes?next_page_token=!!!").statusCode()).isEqualTo(400);
    assertThat(client.get("/v1/customer/disputes?next_page_token=bm90LWEtdG9rZW4=").statusCode())
        .isEqualTo(400);
    assertThat(client.get("/v1/customer/disputes?page=51").statusCode()).isEqualTo(400);
    assertThat(
            client.get("/v1/customer/disputes?update_time_after=2026-13-45T99:00:00Z").statusCode())
        .isEqualTo(400);

    assertThat(client.get("/v1/customer/disputes/" + id).statusCode()).isEqualTo(200);
    assertThat(sim.get(id).get("status").asText()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
  }

  @Test
  void malformedRawRequestsDoNotBreakTheServer() throws Exception {
    java.net.URI base = java.net.URI.create(sim.baseUrl());
    for (String line :
        new String[] {
          "GET /v1/customer/disputes?update_time_after=%ZZ HTTP/1.1",
          "GET /v1/customer/disputes/%ZZ HTTP/1.1",
          "BREW /v1/customer/disputes HTTP/1.1"
        }) {
      try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(5000);
        socket
            .getOutputStream()
            .write(
                (line
                        + "\r\nHost: x\r\nAuthorization: Bearer "
                        + client.accessToken()
                        + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String status =
            new String(
                socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(status).as(line).matches("HTTP/1.1 4\\d\\d");
      }
    }

    assertThat(client.get("/v1/customer/disputes").statusCode()).isEqualTo(200);
  }

  @Test
  void patchSetsCommunicationDetails() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());

    HttpResponse<String> r =
        client.raw(
            "PATCH",
            "/v1/customer/disputes/" + id,
            "application/json",
            "[{\"op\":\"add\",\"path\":\"/communication_details\",\"value\":{\"email\":\"help@example.com\",\"note\":\"Mail us\"}}]",
            Map.of());
    HttpResponse<String> bad =
        client.raw(
            "PATCH",
            "/v1/customer/disputes/" + id,
            "application/json",
            "[{\"op\":\"remove\",\"path\":\"/status\"}]",
            Map.of());

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(sim.get(id).at("/communication_details/email").asText())
        .isEqualTo("help@example.com");
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  void buyerOnlyActionsAreForbiddenToTheSeller() {
    String id = sim.createDispute(SimDisputeSpec.builder().pendingOffer("REFUND", "10.00").build());

    HttpResponse<String> r = client.action(id, "accept-offer", "{\"note\":\"ok\"}");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(SimClient.issue(r)).isEqualTo("PERMISSION_DENIED");
  }
}
