package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.ShiftableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenAuthTest {
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final PayPalSimulator sim =
      PayPalSimulator.start(
          SimulatorOptions.defaults(clock).withTokenLifetime(Duration.ofMinutes(30)));
  private final SimClient client = new SimClient(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void tokenResponseLooksLikePayPals() {
    HttpResponse<String> r = client.token("sim-client-id", "sim-client-secret");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = SimClient.json(r);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
    assertThat(body.get("access_token").asText()).startsWith("A21AA");
    assertThat(body.get("scope").asText())
        .contains("https://uri.paypal.com/services/disputes/update-seller");
    assertThat(body.has("app_id")).isTrue();
    assertThat(body.has("nonce")).isTrue();
    assertThat(sim.count("token")).isEqualTo(1);
  }

  @Test
  void wrongCredentialsGetInvalidClient() {
    HttpResponse<String> r = client.token("sim-client-id", "wrong");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(SimClient.json(r).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void missingGrantTypeIsRejected() {
    HttpResponse<String> r =
        client.raw(
            "POST",
            "/v1/oauth2/token",
            "application/x-www-form-urlencoded",
            "",
            Map.of(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString("sim-client-id:sim-client-secret".getBytes())));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(r).get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void callWithoutTokenGetsInvalidToken() {
    HttpResponse<String> r = client.get("/v1/customer/disputes");

    assertThat(r.statusCode()).isEqualTo(401);
    JsonNode body = SimClient.json(r);
    assertThat(body.get("error").asText()).isEqualTo("invalid_token");
    assertThat(body.get("error_description").asText()).isEqualTo("Access Token not found in cache");
  }

  @Test
  void unknownTokenGetsInvalidToken() {
    HttpResponse<String> r =
        client.raw(
            "GET",
            "/v1/customer/disputes",
            null,
            null,
            Map.of("Authorization", "Bearer A21AAmadeUp"));

    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void tokenStopsWorkingWhenTheClockPassesItsExpiry() {
    client.authenticate();
    assertThat(client.get("/v1/customer/disputes").statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(30));

    assertThat(client.get("/v1/customer/disputes").statusCode()).isEqualTo(401);
  }

  @Test
  void expireTokensForcesA401AndANewTokenWorksAgain() {
    client.authenticate();
    sim.accounts().expireTokens();

    assertThat(client.get("/v1/customer/disputes").statusCode()).isEqualTo(401);

    client.authenticate();
    assertThat(client.get("/v1/customer/disputes").statusCode()).isEqualTo(200);
  }

  @Test
  void secretsStayOutOfToStrings() {
    client.authenticate();

    assertThat(SimulatorOptions.defaults(clock).toString()).doesNotContain("sim-client-secret");
    assertThat(sim.requests().toString())
        .doesNotContain(client.accessToken())
        .doesNotContain("Basic");
  }
}
