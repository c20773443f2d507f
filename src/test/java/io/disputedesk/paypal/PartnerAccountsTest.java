package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.json.Json;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.SimulatorOptions;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several accounts against the simulator: a merchant's own app sees only its disputes, and a
 * partner app acting for a merchant sends PayPal's unsigned {@code PayPal-Auth-Assertion}.
 */
class PartnerAccountsTest {
  private static final String SELLER = "SELLER42XYZ";
  private static final String SHOP = "SHOPC0001";

  private final PayPalSimulator sim =
      PayPalSimulator.start(SimulatorOptions.defaults(Clock.systemUTC()));
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void stop() {
    sim.close();
  }

  private PayPalClient client(String clientId, String secret, String actingFor) {
    return new PayPalClient(
        http,
        Json.newMapper(),
        new PayPalCredentials(sim.baseUrl(), clientId, secret, actingFor),
        Clock.systemUTC(),
        d -> {},
        PayPalCallObserver.none());
  }

  private List<String> listed(PayPalClient client) {
    return client.listDisputes(DisputeQuery.builder().pageSize(50).build()).items().stream()
        .map(Dispute::disputeId)
        .toList();
  }

  @Test
  void aPartnerActingForAMerchantSendsAnUnsignedAssertionAndSeesOnlyThatMerchantsDisputes()
      throws Exception {
    String own = sim.createDispute(SimDisputeSpec.builder().build());
    String sellers = sim.createDispute(SimDisputeSpec.builder().merchant(SELLER).build());
    sim.accounts().grantPartner("sim-client-id", SELLER);

    PayPalClient partner = client("sim-client-id", "sim-client-secret", SELLER);
    assertThat(listed(partner)).containsExactly(sellers);
    assertThat(partner.getDispute(sellers).disputeId()).isEqualTo(sellers);
    assertThat(listed(client("sim-client-id", "sim-client-secret", null))).containsExactly(own);

    SimRequest read = sim.requestsTo("get").get(0);
    String[] parts = read.header("PayPal-Auth-Assertion").split("\\.", -1);
    assertThat(parts).hasSize(3);
    assertThat(parts[2]).as("no signature").isEmpty();
    JsonNode header = Json.newMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode payload = Json.newMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(header.toString()).isEqualTo("{\"alg\":\"none\"}");
    assertThat(payload.path("iss").asText()).isEqualTo("sim-client-id");
    assertThat(payload.path("payer_id").asText()).isEqualTo(SELLER);
    assertThat(sim.requestsTo("token"))
        .allSatisfy(t -> assertThat(t.header("PayPal-Auth-Assertion")).isNull());
  }

  @Test
  void withoutTheMerchantsConsentThePartnerIsRefused() {
    sim.createDispute(SimDisputeSpec.builder().merchant(SELLER).build());

    assertThatThrownBy(() -> listed(client("sim-client-id", "sim-client-secret", SELLER)))
        .isInstanceOfSatisfying(
            PayPalException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
  }

  @Test
  void aMerchantsOwnAppSeesItsDisputesAndNotAnotherMerchants() {
    String mine = sim.createDispute(SimDisputeSpec.builder().merchant(SHOP).build());
    String theirs = sim.createDispute(SimDisputeSpec.builder().build());
    sim.accounts().addApp(SHOP, "shop-client", "shop-secret", null);
    PayPalClient shop = client("shop-client", "shop-secret", null);

    assertThat(listed(shop)).containsExactly(mine);
    assertThatThrownBy(() -> shop.getDispute(theirs))
        .isInstanceOfSatisfying(
            PayPalException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
  }

  @Test
  void aRevokedAppGetsUnauthorisedWhileTheOthersGoOn() {
    sim.createDispute(SimDisputeSpec.builder().merchant(SHOP).build());
    String other = sim.createDispute(SimDisputeSpec.builder().build());
    sim.accounts().addApp(SHOP, "shop-client", "shop-secret", null);
    PayPalClient shop = client("shop-client", "shop-secret", null);
    assertThat(listed(shop)).hasSize(1);

    sim.accounts().revokeApp("shop-client", true);

    assertThatThrownBy(() -> listed(shop))
        .isInstanceOfSatisfying(
            PayPalException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertThat(listed(client("sim-client-id", "sim-client-secret", null))).containsExactly(other);
  }
}
