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
import io.disputedesk.testing.Await;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayPalWebhookHandlerTest {
  private static final String WEBHOOK_ID = "1JE4291016473214C";
  private static final String VERIFY = "verify-webhook-signature";
  private static final LongSupplier FROZEN = () -> 0L;

  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> refreshed = new CopyOnWriteArrayList<>();
  private final Metrics metrics = new Metrics();
  private PayPalSimulator sim;
  private Database db;
  private HttpHost host;
  private PayPalWebhookHandler handler;
  private String url;

  /**
   * The handler with the given limits and time source, behind real HTTP, verifying with the
   * simulator.
   */
  private void start(WebhookLimits limits, LongSupplier nanoTime) {
    sim =
        PayPalSimulator.start(
            SimulatorOptions.defaults(clock)
                .withWebhookId(WEBHOOK_ID)
                .withHangTimeout(Duration.ofSeconds(5)));
    db = TestDatabases.open(dir, clock);
    PayPalClient client =
        new PayPalClient(
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build(),
            Json.newMapper(),
            new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
            clock,
            Sleeper.system(),
            PayPalCallObserver.none());
    handler =
        new PayPalWebhookHandler(
            Json.newMapper(),
            new WebhookVerifier(client, limits.verifyTimeout()),
            WEBHOOK_ID,
            sim.baseUrl(),
            limits,
            clock,
            nanoTime,
            new InboundDedupe(db),
            refreshed::add,
            Runnable::run,
            metrics);
    host = new HttpHost(new InetSocketAddress("127.0.0.1", 0), 8);
    host.route("POST", "/paypal/webhooks", handler);
    host.start();
    url = "http://127.0.0.1:" + host.port() + "/paypal/webhooks";
  }

  private void start() {
    start(WebhookLimits.defaults(), System::nanoTime);
  }

  @AfterEach
  void stop() {
    host.stop(Duration.ZERO);
    handler.close();
    sim.close();
    db.close();
  }

  @Test
  void verifiedEventRefreshesItsDisputeAtOnce() {
    start();
    String id = sim.createDispute(SimDisputeSpec.builder().amount("42.00", "USD").build());
    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.CREATED", id)).isEqualTo(200);
    assertThat(refreshed).containsExactly(id);
    assertThat(sim.count(VERIFY)).isEqualTo(1);
    assertThat(metrics.scrape()).contains("dd_webhooks_total{outcome=\"accepted\"} 1.0");
  }

  @Test
  void redeliveredEventIsHandledOnce() {
    start();
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.UPDATED", id)).isEqualTo(200);
    assertThat(sim.resendLastWebhook(url)).isEqualTo(200);
    assertThat(sim.resendLastWebhook(url)).isEqualTo(200);
    assertThat(refreshed).containsExactly(id);
  }

  @Test
  void forgedEventIsRejectedWith400AndRefreshesNothing() throws Exception {
    start();
    HttpResponse<String> r = post(forgedEvent("WH-FORGED-1"), plausibleHeaders(clock.instant()));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(sim.count(VERIFY)).isEqualTo(1);
    assertThat(refreshed).isEmpty();
  }

  @Test
  void unsignedOrMalformedBodiesGet400NotAServerError() throws Exception {
    start();
    assertThat(post("{\"id\":\"WH-2\",\"event_type\":\"CUSTOMER.DISPUTE.CREATED\"}").statusCode())
        .isEqualTo(400);
    assertThat(post("not json at all").statusCode()).isEqualTo(400);
    assertThat(post("[1,2,3]").statusCode()).isEqualTo(400);
    assertThat(post("{\"event_type\":\"CUSTOMER.DISPUTE.CREATED\"}").statusCode()).isEqualTo(400);
    assertThat(post("").statusCode()).isEqualTo(400);
    Map<String, String> headers = plausibleHeaders(clock.instant());
    assertThat(post("not json at all", headers).statusCode()).isEqualTo(400);
    assertThat(post("[1,2,3]", headers).statusCode()).isEqualTo(400);
    assertThat(post("{\"event_type\":\"CUSTOMER.DISPUTE.CREATED\"}", headers).statusCode())
        .isEqualTo(400);
    assertThat(post("{\"id\":7,\"event_type\":\"CUSTOMER.DISPUTE.CREATED\"}", headers).statusCode())
        .isEqualTo(400);
    assertThat(refreshed).isEmpty();
    assertThat(sim.count(VERIFY)).isZero();
  }

  @Test
  void deliveriesRefusableFromTheRequestAloneNeverReachPayPal() throws Exception {
    start();
    Instant now = clock.instant();
    String event = forgedEvent("WH-CHEAP-1");
    Map<String, Integer> statusByCase = new LinkedHashMap<>();
    statusByCase.put(
        "sent 6 minutes ago", post(event, plausibleHeaders(now.minusSeconds(360))).statusCode());
    statusByCase.put(
        "sent 6 minutes in the future",
        post(event, plausibleHeaders(now.plusSeconds(360))).statusCode());
    statusByCase.put(
        "time not a date",
        post(event, with(plausibleHeaders(now), "PAYPAL-TRANSMISSION-TIME", "yesterday"))
            .statusCode());
    for (String certUrl :
        List.of(
            "https://evil.example/v1/notifications/certs/CERT-1",
            "http://api.paypal.com/v1/notifications/certs/CERT-1",
            "https://api.paypal.com.evil.example/certs/C",
            "https://api.paypal.com:8443/v1/notifications/certs/CERT-1",
            "https://notpaypal.com/certs/C",
            "https://api.paypal.com@evil.example/certs/C",
            "file:///etc/passwd",
            "not a url")) {
      statusByCase.put(
          "cert " + certUrl,
          post(event, with(plausibleHeaders(now), "PAYPAL-CERT-URL", certUrl)).statusCode());
    }
    statusByCase.put(
        "space in signature",
        post(event, with(plausibleHeaders(now), "PAYPAL-TRANSMISSION-SIG", "abc def"))
            .statusCode());
    statusByCase.put(
        "overlong transmission id",
        post(event, with(plausibleHeaders(now), "PAYPAL-TRANSMISSION-ID", "x".repeat(51)))
            .statusCode());
    statusByCase.put(
        "algorithm with symbols",
        post(event, with(plausibleHeaders(now), "PAYPAL-AUTH-ALGO", "SHA256/RSA")).statusCode());
    statusByCase.put(
        "300 KiB body",
        post(
                "{\"id\":\"WH-BIG\",\"event_type\":\"CUSTOMER.DISPUTE.UPDATED\",\"x\":\""
                    + "a".repeat(300 * 1024)
                    + "\"}",
                plausibleHeaders(now))
            .statusCode());

    assertThat(statusByCase)
        .allSatisfy((what, status) -> assertThat(status).as(what).isBetween(400, 499));
    assertThat(statusByCase.get("300 KiB body")).isEqualTo(413);
    assertThat(sim.count(VERIFY)).isZero();
    // The same delivery with current, PayPal-shaped headers does reach PayPal.
    assertThat(post(event, plausibleHeaders(now)).statusCode()).isEqualTo(400);
    assertThat(sim.count(VERIFY)).isEqualTo(1);
    assertThat(refreshed).isEmpty();
  }

  @Test
  void eventTypesNotSubscribedAreAcknowledgedWithoutAskingPayPal() {
    start();
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    assertThat(sim.sendWebhook(url, "RISK.DISPUTE.CREATED", id)).isEqualTo(200);
    assertThat(sim.sendWebhook(url, "PAYMENT.CAPTURE.COMPLETED", id)).isEqualTo(200);
    assertThat(sim.count(VERIFY)).isZero();
    assertThat(refreshed).isEmpty();
    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.RESOLVED", id)).isEqualTo(200);
    assertThat(sim.count(VERIFY)).isEqualTo(1);
    assertThat(refreshed).containsExactly(id);
  }

  @Test
  void verificationsBeyondTheBurstAreRefused429WithoutCallingPayPal() throws Exception {
    // The clock never moves, so the bucket never refills: exactly the burst gets through.
    start(
        new WebhookLimits(
            256 * 1024,
            Duration.ofMinutes(5),
            5,
            3,
            2,
            2,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10)),
        FROZEN);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(
          post(forgedEvent("WH-FLOOD-" + i), plausibleHeaders(clock.instant())).statusCode());
    }
    assertThat(statuses.subList(0, 3)).containsOnly(400);
    assertThat(statuses.subList(3, 10)).containsOnly(429);
    assertThat(sim.count(VERIFY)).isEqualTo(3);
    assertThat(metrics.scrape()).contains("dd_webhooks_total{outcome=\"rate_limited\"} 7.0");
  }

  @Test
  void verificationOutageIsOneCallAndAsksPayPalToRetry() {
    start();
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.failNext(VERIFY, 503, 10);
    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.UPDATED", id)).isEqualTo(503);
    assertThat(sim.count(VERIFY)).isEqualTo(1);
    assertThat(refreshed).isEmpty();
    sim.clearFaults();
    assertThat(sim.resendLastWebhook(url)).isEqualTo(200);
    assertThat(refreshed).containsExactly(id);
  }

  @Test
  void verificationThatHangsIsCutOffAfterItsTimeout() {
    start(
        new WebhookLimits(
            256 * 1024,
            Duration.ofMinutes(5),
            5,
            10,
            2,
            2,
            Duration.ofMillis(300),
            Duration.ofSeconds(10)),
        System::nanoTime);
    String id = sim.createDispute(SimDisputeSpec.builder().build());
    sim.hangNext(VERIFY);
    assertThat(sim.sendWebhook(url, "CUSTOMER.DISPUTE.UPDATED", id)).isEqualTo(503);
    assertThat(sim.count(VERIFY)).isEqualTo(1);
    assertThat(sim.resendLastWebhook(url)).isEqualTo(200);
    assertThat(refreshed).containsExactly(id);
  }

  @Test
  void whenEveryVerifierIsBusyMoreDeliveriesGet503AtOnce() throws Exception {
    start(
        new WebhookLimits(
            256 * 1024,
            Duration.ofMinutes(5),
            5,
            10,
            1,
            0,
            Duration.ofSeconds(3),
            Duration.ofSeconds(10)),
        System::nanoTime);
    sim.hangNext(VERIFY);
    CompletableFuture<HttpResponse<String>> hanging =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return post(forgedEvent("WH-HANG"), plausibleHeaders(clock.instant()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    awaitVerifyCalls(1);
    HttpResponse<String> busy = post(forgedEvent("WH-BUSY"), plausibleHeaders(clock.instant()));
    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.headers().firstValue("Retry-After")).isPresent();
    assertThat(sim.count(VERIFY)).isEqualTo(1);
    assertThat(hanging.get().statusCode()).isEqualTo(503);
  }

  private void awaitVerifyCalls(int n) {
    Await.until(
        "verification call reached PayPal", () -> sim.count(VERIFY) >= n, Duration.ofSeconds(10));
  }

  static String forgedEvent(String id) {
    return "{\"id\":\""
        + id
        + "\",\"event_type\":\"CUSTOMER.DISPUTE.RESOLVED\",\"resource_type\":\"dispute\","
        + "\"resource\":{\"dispute_id\":\"PP-D-1\"}}";
  }

  /**
   * Headers shaped as PayPal sends them, on a PayPal certificate host; the signature is made up.
   */
  static Map<String, String> plausibleHeaders(Instant sent) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("PAYPAL-AUTH-ALGO", "SHA256withRSA");
    h.put(
        "PAYPAL-CERT-URL",
        "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77");
    h.put("PAYPAL-TRANSMISSION-ID", UUID.randomUUID().toString());
    h.put("PAYPAL-TRANSMISSION-SIG", "+bm90IGEgcmVhbCBzaWduYXR1cmU=");
    h.put("PAYPAL-TRANSMISSION-TIME", sent.truncatedTo(ChronoUnit.SECONDS).toString());
    return h;
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return copy;
  }

  private HttpResponse<String> post(String body) throws Exception {
    return post(body, Map.of());
  }

  private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
