package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStatus;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, metrics and PayPal webhooks through the real wiring of {@link App#start}. */
class OperationsEndToEndTest {
  private static final String WEBHOOK_ID = "1JE4291016473214C";
  private static final String METRICS_TOKEN = "ops-metrics-token-0123456789abcdef";

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;

  @Test
  void healthAndMetricsReportTheBotsStateToWhoeverHoldsTheMetricsToken() throws Exception {
    desk = bot.desk().with("METRICS_TOKEN", METRICS_TOKEN);
    desk.start();
    desk.pollAndSettle();
    HttpResponse<String> health = get("/healthz?verbose", METRICS_TOKEN);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains(
            "\"status\":\"ok\"", "\"database\":{\"ok\":true}", "last_success", "\"reasons\":[]");

    HttpResponse<String> metrics = get("/metrics", METRICS_TOKEN);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "dd_polls_total{outcome=\"first_run\"} 1.0",
            "dd_paypal_calls_total{operation=\"disputes.list\",status=\"200\"}",
            "dd_outbox_pending 0.0",
            "dd_http_response_seconds_bucket{route=\"/healthz\"");
  }

  @Test
  void withoutTheTokenHealthIsStatusOnlyAndMetricsAreRefused() throws Exception {
    desk = bot.desk().with("METRICS_TOKEN", METRICS_TOKEN);
    desk.start();
    desk.pollAndSettle();

    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(get("/healthz?verbose").statusCode()).isEqualTo(401);
    assertThat(get("/healthz?verbose", "not-the-token-0123456789abcdef").statusCode())
        .isEqualTo(401);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(401);
    assertThat(metrics.body()).doesNotContain("dd_");
    assertThat(get("/metrics", "not-the-token-0123456789abcdef").statusCode()).isEqualTo(401);
  }

  @Test
  void anUnhealthyBotSaysSoWithoutItsReasonsUnlessAskedWithTheToken() throws Exception {
    desk = bot.desk().with("METRICS_TOKEN", METRICS_TOKEN);
    desk.start();
    // Slack stops accepting the bot token (an app reinstalled elsewhere): auth.test answers
    // invalid_auth.
    desk.slack.failNext("auth.test", 10, Fault.error("invalid_auth"));

    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).isEqualTo("{\"status\":\"unhealthy\"}");
    HttpResponse<String> details = get("/healthz?verbose", METRICS_TOKEN);
    assertThat(details.statusCode()).isEqualTo(503);
    assertThat(details.body()).contains("Slack does not accept the bot token", "invalid_auth");
  }

  @Test
  void aVerifiedWebhookUpdatesTheCardWithoutWaitingForAPoll() throws Exception {
    desk = bot.desk().with("PAYPAL_WEBHOOK_ID", WEBHOOK_ID).with("METRICS_TOKEN", METRICS_TOKEN);
    desk.start();
    String id = desk.sim.createDispute(SimDisputeSpec.builder().amount("80.00", "USD").build());
    desk.pollAndSettle();
    assertThat(desk.cardsOf(id)).hasSize(1);
    String ts = desk.card(id).orElseThrow().ts();

    desk.sim.setStatus(id, SimStatus.UNDER_REVIEW);
    assertThat(desk.sim.sendWebhook(url("/paypal/webhooks"), "CUSTOMER.DISPUTE.UPDATED", id))
        .isEqualTo(200);
    Await.until(
        "the card to show the webhook's change",
        () ->
            desk.card(id)
                .map(c -> c.text().contains("review") || c.blocks().toString().contains("review"))
                .orElse(false));
    assertThat(desk.cardsOf(id)).hasSize(1);
    assertThat(desk.card(id).orElseThrow().ts()).isEqualTo(ts);
    assertThat(desk.sim.resendLastWebhook(url("/paypal/webhooks"))).isEqualTo(200);

    desk.awaitSlackQuiet();
    int repliesBefore = desk.replies(desk.card(id).orElseThrow()).size();
    desk.pollAndSettle();
    assertThat(desk.replies(desk.card(id).orElseThrow())).hasSize(repliesBefore);
    assertThat(get("/healthz?verbose", METRICS_TOKEN).body())
        .contains("\"changes_found_only_by_polling\":0");
  }

  @Test
  void webhooksAreNotServedWithoutAWebhookId() throws Exception {
    desk = bot.desk();
    desk.start();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/paypal/webhooks")))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + desk.app().port() + path;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
