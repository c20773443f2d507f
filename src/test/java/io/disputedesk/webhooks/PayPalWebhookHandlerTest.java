package io.disputedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.http.HttpHost;
import io.disputedesk.json.Json;
import io.disputedesk.ops.Metrics;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.paypal.WebhookVerifier;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.store.Database;
import io.disputedesk.store.InboundDedupe;
import io.disputedesk.store.TestDatabases;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayPalWebhookHandlerTest {
  private static final String WEBHOOK_ID = "1JE4291016473214C";

  @TempDir Path dir;
  private PayPalSimulator sim;
  private Database db;
  private HttpHost host;
  private final List<String> refreshed = new CopyOnWriteArrayList<>();
  private final Metrics metrics = new Metrics();
  private String url;

  @BeforeEach
  void start() {
    Clock clock = Clock.systemUTC();
    sim = PayPalSimulator.start(SimulatorOptions.defaults(clock).withWebhookId(WEBHOOK_ID));
    db = TestDatabases.open(dir, clock);
    PayPalClient client = new PayPalClient(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build(),
        Json.newMapper(), new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
        clock, Sleeper.system(), PayPalCallObserver.none());
    PayPalWebhookHandler handler = new PayPalWebhookHandler(Json.newMapper(), new WebhookVerifier(client),
        WEBHOOK_ID, new InboundDedupe(db), refreshed::add, Runnable::run, metrics);
    host = new HttpHost(new InetSocketAddress("127.0.0.1", 0), 4);
    host.route("POST", "/paypal/webhooks", handler);
    host.start();
    url = "http://127.0.0.1:" + host.port() + "/paypal/webhooks";
  }

  @AfterEach
  void stop() {
    host.stop(Duration.ZERO);
    sim.close();
    db.close();
  }

  @Test
  void verifiedEventRefreshesItsDisputeAtOnce() {
    String id = sim.createDispute(SimDisputeSpec.builder().amount("42.00", "USD").build());
    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.CREATED", id)).isEqualTo(200);
    assertThat(refreshed).containsExactly(id);
    assertThat(sim.count("verify-webhook-signature")).isEqualTo(1);
    assertThat(metrics.scrape()).contains("dd_webhooks_total{outcome=\"accepted\"} 1.0");
  }

  @Test
  void redeliveredEventIsHandledOnce() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.UPDATED", id)).isEqualTo(200);
    assertThat(sim.resendLastWebhook(url)).isEqualTo(200);
    assertThat(sim.resendLastWebhook(url)).isEqualTo(200);
    assertThat(refreshed).containsExactly(id);
  }

  @Test
  void forgedEventIsRejectedWith400AndRefreshesNothing() throws Exception {
    String forged = """
        {"id":"WH-FORGED-1","event_type":"CUSTOMER.DISPUTE.RESOLVED","resource_type":"dispute",
         "resource":{"dispute_id":"PP-D-1"}}""";
    HttpResponse<String> r = post(forged, "PAYPAL-AUTH-ALGO", "SHA256withRSA",
        "PAYPAL-CERT-URL", "https://api.paypal.com/v1/notifications/certs/CERT-1",
        "PAYPAL-TRANSMISSION-ID", "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
        "PAYPAL-TRANSMISSION-SIG", "c2lnbmF0dXJl", "PAYPAL-TRANSMISSION-TIME", "2026-11-26T13:36:33Z");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(refreshed).isEmpty();
  }

  @Test
  void unsignedOrMalformedBodiesGet400NotAServerError() throws Exception {
    assertThat(post("{\"id\":\"WH-2\",\"event_type\":\"CUSTOMER.DISPUTE.CREATED\"}").statusCode()).isEqualTo(400);
    assertThat(post("not json at all").statusCode()).isEqualTo(400);
    assertThat(post("[1,2,3]").statusCode()).isEqualTo(400);
    assertThat(post("{\"event_type\":\"CUSTOMER.DISPUTE.CREATED\"}").statusCode()).isEqualTo(400);
    assertThat(post("").statusCode()).isEqualTo(400);
    assertThat(refreshed).isEmpty();
    assertThat(sim.count("verify-webhook-signature")).isZero();
  }

  @Test
  void verificationOutageAsksPayPalToRetry() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.failNext("verify-webhook-signature", 503, 10);
    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.UPDATED", id)).isEqualTo(503);
    assertThat(refreshed).isEmpty();
    sim.clearFaults();
    assertThat(sim.resendLastWebhook(url)).isEqualTo(200);
    assertThat(refreshed).containsExactly(id);
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
